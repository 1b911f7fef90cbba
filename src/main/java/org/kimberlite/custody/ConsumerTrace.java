package org.kimberlite.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;

/**
 * The consumer-safe provenance of a polished stone or jewellery piece that its holder published:
 * where it comes from, what it is, the KP certificates it travelled under and whether each
 * verifies, and the chain of steps with their dates, the country they happened in and their log
 * proofs. No company, invoice, price or weight.
 *
 * @param kind rough, polished or jewellery, when known
 * @param truncated a limit of the walk cut the chain short
 */
public record ConsumerTrace(
    String publicId,
    String epc,
    @Nullable String kind,
    @Nullable Nature nature,
    List<ParticipantCode> origins,
    List<Certificate> certificates,
    List<Step> steps,
    boolean truncated,
    Instant publishedAt) {

  public ConsumerTrace {
    origins = List.copyOf(origins);
    certificates = List.copyOf(certificates);
    steps = List.copyOf(steps);
  }

  /** A KP certificate on the way, and whether it verifies on this platform. */
  public record Certificate(String number, boolean genuine) {}

  /**
   * One step of the chain.
   *
   * @param step what happened, as in {@link ProvenanceTrace.Hop#step()}
   * @param country where the organisation that recorded it is established
   * @param entryId its log entry (its proof is public at {@code /api/v1/log/entries/{id}/proof})
   * @param index its index in the log, null until integrated
   */
  public record Step(
      String step,
      Instant time,
      CountryCode country,
      String eventHash,
      UUID entryId,
      @Nullable Long index) {}
}
