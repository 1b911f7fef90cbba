package org.kimberlite.certification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.kimberlite.certification.internal.ExportConfirmationRepository;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's export certificates over a period, each with its import confirmation: what a
 * monitoring team cross-checks (docs/governance.md, "Re-entry monitoring"). Read by the system
 * itself: whoever uses this decides who may see its results. Cancelled certificates are left out
 * (nothing was shipped under them).
 */
@Service
public class ExportConfirmations {
  /** The longest period one read covers, in days (five years). */
  public static final long MAX_DAYS = 5 * 366;

  /** The most certificates one page answers. */
  public static final int MAX_PAGE_SIZE = 1_000;

  private final ExportConfirmationRepository repository;

  public ExportConfirmations(ExportConfirmationRepository repository) {
    this.repository = repository;
  }

  /**
   * One page of exports, oldest issued first.
   *
   * @param more whether there are exports after this page
   */
  public record Page(List<ExportConfirmation> exports, boolean more) {
    public Page {
      exports = List.copyOf(exports);
    }
  }

  /**
   * The exports of {@code exporting} issued from {@code from} to {@code to} (both included).
   *
   * @param offset how many to skip (0 or more)
   * @param size 1 to {@link #MAX_PAGE_SIZE}
   * @throws IllegalArgumentException when the period is reversed or longer than {@link #MAX_DAYS},
   *     or the page is out of bounds
   */
  @Transactional(readOnly = true)
  public Page exports(
      ParticipantCode exporting, LocalDate from, LocalDate to, int offset, int size) {
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
      throw new IllegalArgumentException(
          "the period must run forwards and cover at most " + MAX_DAYS + " days");
    }
    if (offset < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("offset 0 or more, size 1 to " + MAX_PAGE_SIZE);
    }
    List<ExportConfirmation> rows =
        repository.exports(exporting.code(), from, to, offset, size + 1);
    boolean more = rows.size() > size;
    return new Page(more ? rows.subList(0, size) : rows, more);
  }
}
