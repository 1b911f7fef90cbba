package org.kimberlite.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kimberlite.custody.internal.profile.GoodsRepository;
import org.kimberlite.registry.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flags the diamond profile's checks raised on the events an organisation captured (rule effect
 * "flag"), newest first, for due diligence.
 */
@Service
public class CustodyFindings {
  /** Most findings on one page. */
  public static final int MAX_SIZE = 100;

  /** Pages beyond this are refused. */
  public static final int MAX_PAGE = 100_000;

  private final GoodsRepository repository;

  public CustodyFindings(GoodsRepository repository) {
    this.repository = repository;
  }

  /** One flag on a stored event. */
  public record StoredFinding(
      String eventHash, String eventId, String rule, String pointer, String message, Instant at) {}

  /** A page of the caller's findings, or why the page cannot be read. */
  public sealed interface Outcome {
    record Page(List<StoredFinding> findings, int page, int size, boolean more) implements Outcome {
      public Page {
        findings = List.copyOf(findings);
      }
    }

    record Invalid(String field, String message) implements Outcome {}
  }

  @Transactional(readOnly = true)
  public Outcome page(Caller caller, int page, int size) {
    if (size < 1 || size > MAX_SIZE) {
      return new Outcome.Invalid("size", "size from 1 to " + MAX_SIZE);
    }
    if (page < 0 || page > MAX_PAGE) {
      return new Outcome.Invalid("page", "page from 0 to " + MAX_PAGE);
    }
    List<GoodsRepository.StoredFlag> rows = repository.flags(caller.organisationId(), page, size);
    List<StoredFinding> found =
        rows.stream()
            .limit(size)
            .map(
                r ->
                    new StoredFinding(
                        r.hashId(), r.eventId(), r.rule(), r.pointer(), r.message(), r.foundAt()))
            .toList();
    return new Outcome.Page(found, page, size, rows.size() > size);
  }

  /**
   * A flag as due diligence reads it (the system, never on behalf of a caller).
   *
   * @param epcs the goods the flagged event names (canonical identifiers)
   */
  public record SystemFlag(
      long seq,
      String eventHash,
      String eventId,
      UUID organisationId,
      String rule,
      String message,
      Instant at,
      List<String> epcs) {
    public SystemFlag {
      epcs = List.copyOf(epcs);
    }
  }

  /** The flags on the events one capture job stored. */
  @Transactional(readOnly = true)
  public List<SystemFlag> ofCapture(UUID captureId) {
    return system(repository.systemFlags(captureId, 0, MAX_SYSTEM));
  }

  /** Every flag after {@code afterSeq}, oldest first, at most {@code limit} (re-evaluation). */
  @Transactional(readOnly = true)
  public List<SystemFlag> after(long afterSeq, int limit) {
    return system(repository.systemFlags(null, afterSeq, Math.min(limit, MAX_SYSTEM)));
  }

  /** Most flags one system read answers. */
  public static final int MAX_SYSTEM = 10_000;

  private static List<SystemFlag> system(List<GoodsRepository.SystemFlag> rows) {
    return rows.stream()
        .map(
            r ->
                new SystemFlag(
                    r.seq(),
                    r.hashId(),
                    r.eventId(),
                    r.organisation(),
                    r.rule(),
                    r.message(),
                    r.foundAt(),
                    r.epcs()))
        .toList();
  }
}
