package org.kimberlite.registry;

import java.util.List;

/** The outcome of reading audit records. */
public sealed interface AuditPage {
  /** A page of records, newest first. */
  record Listed(List<AuditRecord> records) implements AuditPage {
    public Listed {
      records = List.copyOf(records);
    }
  }

  /** A page or size out of range. */
  record Invalid(String field, String message) implements AuditPage {}

  /** Neither the secretariat nor an administrator. */
  record NotAllowed() implements AuditPage {}
}
