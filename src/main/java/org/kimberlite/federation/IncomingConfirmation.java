package org.kimberlite.federation;

import java.util.List;
import org.kimberlite.certification.Violation;

/** What the importing authority's confirmation of an incoming certificate came to. */
public sealed interface IncomingConfirmation {
  /**
   * Signed, committed to this node's log and queued for the exporting node.
   *
   * @param flags flags raised (KP-09: a seal other than the one at export)
   */
  record Confirmed(IncomingCertificate certificate, List<Violation> flags)
      implements IncomingConfirmation {
    public Confirmed {
      flags = List.copyOf(flags);
    }
  }

  /** Refused under KP rules (KP-05, KP-07, KP-08): nothing changed. */
  record Refused(List<Violation> violations) implements IncomingConfirmation {
    public Refused {
      violations = List.copyOf(violations);
    }
  }

  /** No incoming certificate of that number that the caller may see. */
  record NotFound(String number) implements IncomingConfirmation {}

  /** The caller may see it but not confirm it. */
  record NotAllowed(String reason) implements IncomingConfirmation {}

  /** This server is a single node: nothing comes in. */
  record NotFederated() implements IncomingConfirmation {}
}
