package org.kimberlite.shared;

/**
 * Input a check refused: the field at fault and why, in words a client can read. Thrown where input
 * is parsed; the web layer answers it as a 422 naming the field.
 */
public class InvalidInput extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  public InvalidInput(String field, String reason) {
    super(reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
