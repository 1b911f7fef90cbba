package org.kimberlite.registry;

/** The roles an organisation plays; the strings are part of the published API. */
public enum OrganisationRole {
  KP_AUTHORITY,
  KP_SECRETARIAT,
  MINER,
  TRADER,
  MANUFACTURER,
  GRADING_LAB,
  RETAILER,
  AUDITOR
}
