package org.kimberlite.governance;

import org.kimberlite.registry.RegistryRecords;

/**
 * An order of a recorded decision and the registry record it became.
 *
 * @param registryRecord the registry's record in the transparency log, {@code
 *     registry.status-change/17} or {@code registry.compliant-zone/4}
 */
public record AppliedOrder(DecisionOrder order, String registryRecord) {
  /** The log record of a registry status change row. */
  public static String statusRecord(long id) {
    return RegistryRecords.STATUS_CHANGE + "/" + id;
  }

  /** The log record of a registry compliant zone row. */
  public static String zoneRecord(long id) {
    return RegistryRecords.COMPLIANT_ZONE + "/" + id;
  }

  /** The registry row id this order became. */
  public long registryId() {
    return Long.parseLong(registryRecord.substring(registryRecord.lastIndexOf('/') + 1));
  }
}
