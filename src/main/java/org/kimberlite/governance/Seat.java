package org.kimberlite.governance;

/** The seat an organisation holds on a working body. */
public enum Seat {
  CHAIR,
  VICE_CHAIR,
  MEMBER,
  /** An observer (industry, civil society): sits and speaks, does not take part in consensus. */
  OBSERVER
}
