package org.kimberlite.certification;

import java.util.List;

/** An authority's list of certificates, or why there is none. */
public sealed interface ListOutcome permits ListOutcome.Listed, NotAllowed, ListOutcome.Invalid {
  /** One page of certificates. */
  record Listed(List<KpCertificate> certificates) implements ListOutcome {
    public Listed {
      certificates = List.copyOf(certificates);
    }
  }

  /** The paging asked for is out of bounds. */
  record Invalid(String field, String message) implements ListOutcome {}
}
