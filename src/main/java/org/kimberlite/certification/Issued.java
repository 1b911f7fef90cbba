package org.kimberlite.certification;

import java.util.List;
import org.kimberlite.ledger.Receipt;

/** An issued certificate with its log receipt and the flags raised on it. */
public record Issued(KpCertificate certificate, Receipt receipt, List<Violation> flags)
    implements IssueOutcome {
  public Issued {
    flags = List.copyOf(flags);
  }
}
