package org.kimberlite.custody.internal.reconciliation;

/** How an event moves one identifier into or out of an organisation's stock. */
public enum MovementKind {
  /** Received from another party (or from outside the chain). */
  RECEIVED(true),
  /** Commissioned: produced at the mine. */
  COMMISSIONED(true),
  /** An output of a transformation (manufacturing). */
  PRODUCED(true),
  /** The parent of an aggregation (goods packed together). */
  PARCEL(true),
  /** Shipped to another party. */
  SHIPPED(false),
  /** Sold to a consumer. */
  SOLD(false),
  /** An input of a transformation (manufacturing). */
  CONSUMED(false),
  /** A child of an aggregation, now inside its parent. */
  PACKED(false);

  private final boolean in;

  MovementKind(boolean in) {
    this.in = in;
  }

  /** Whether the identifier enters the organisation's stock. */
  public boolean in() {
    return in;
  }
}
