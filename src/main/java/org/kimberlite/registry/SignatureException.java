package org.kimberlite.registry;

/**
 * A signature (JWS) that is refused, with a machine-readable {@link #reason()}. Nothing about the
 * refused input is trusted: the message names the rule broken, not the input's claims.
 */
public class SignatureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a signature is refused. */
  public enum Reason {
    /** Not a JWS compact serialisation as this platform writes it. */
    MALFORMED,
    /** The key id is not a known authority key. */
    UNKNOWN_KEY,
    /** The key was revoked by its authority: none of its signatures is accepted any more. */
    REVOKED_KEY,
    /** The signature does not verify with the key named. */
    BAD_SIGNATURE,
    /** The algorithm is not EdDSA (Ed25519). */
    WRONG_ALGORITHM
  }

  private final Reason reason;

  public SignatureException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static SignatureException malformed(String message) {
    return new SignatureException(Reason.MALFORMED, message);
  }
}
