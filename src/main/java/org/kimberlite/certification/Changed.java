package org.kimberlite.certification;

import java.util.List;
import org.kimberlite.ledger.Receipt;

/** A status change with its log receipt and the flags raised on it. */
public record Changed(KpCertificate certificate, Receipt receipt, List<Violation> flags)
    implements ChangeOutcome {
  public Changed {
    flags = List.copyOf(flags);
  }
}
