package org.kimberlite.ledger;

import java.util.UUID;

/** What a module gets back when it commits a record: the entry's id and its RFC 6962 leaf hash. */
public record Receipt(UUID entryId, byte[] leafHash) {}
