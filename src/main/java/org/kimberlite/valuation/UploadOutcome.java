package org.kimberlite.valuation;

import java.util.List;

/** What uploading a price book gave. */
public sealed interface UploadOutcome {
  /** Stored as a new version, signed. */
  record Stored(PriceBook book) implements UploadOutcome {}

  /** The caller may not upload price books (only KP authorities do). */
  record NotAllowed(String reason) implements UploadOutcome {}

  /** The name belongs to another organisation's book. */
  record NameTaken(PriceBookName name) implements UploadOutcome {}

  /** The CSV or the period is not valid: every fault with its row and column; nothing stored. */
  record Refused(List<Fault> faults) implements UploadOutcome {
    public Refused {
      faults = List.copyOf(faults);
    }
  }

  /**
   * A fault of an upload.
   *
   * @param field where: {@code row 3, column usd_per_carat}, {@code file}, {@code validTo}
   * @param reason what is wrong
   */
  record Fault(String field, String reason) {}
}
