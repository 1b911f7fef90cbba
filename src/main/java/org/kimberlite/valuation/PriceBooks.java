package org.kimberlite.valuation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.SignatureException;
import org.kimberlite.registry.Signatures;
import org.kimberlite.registry.Verified;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.json.CanonicalJson;
import org.kimberlite.valuation.internal.PriceBookCsv;
import org.kimberlite.valuation.internal.PriceBookRecords;
import org.kimberlite.valuation.internal.PriceBookRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price books: a KP authority (its government diamond valuers) uploads a CSV of prices by
 * assortment class with a period of validity. Each upload is a new version of its book, signed with
 * the authority's key over the version's canonical record (which holds the SHA-256 of the CSV
 * bytes); older versions stay readable, byte for byte.
 */
@Service
public class PriceBooks {
  /** The JWS {@code typ} of a price book's signature. */
  public static final String SIGNATURE_TYPE = "kimberlite-price-book+json";

  /** The longest period a version may cover. */
  public static final int MAX_DAYS = 3660;

  private final PriceBookRepository repository;
  private final Signatures signatures;
  private final TransparencyLog log;
  private final Clock clock;

  public PriceBooks(
      PriceBookRepository repository, Signatures signatures, TransparencyLog log, Clock clock) {
    this.repository = repository;
    this.signatures = signatures;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Stores a new version of {@code name} for the period, signed by the caller's authority and
   * committed to the transparency log in the same transaction.
   */
  @Transactional
  public UploadOutcome upload(
      Caller caller, PriceBookName name, LocalDate validFrom, LocalDate validTo, byte[] csv) {
    ParticipantCode participant = caller.participant();
    if (!caller.has(OrganisationRole.KP_AUTHORITY) || participant == null) {
      return new UploadOutcome.NotAllowed(
          "Only a KP authority (its valuators) uploads price books: they are signed with its key.");
    }
    Optional<java.util.UUID> owner = repository.owner(name);
    if (owner.isPresent() && !owner.get().equals(caller.organisationId())) {
      return new UploadOutcome.NameTaken(name);
    }
    List<UploadOutcome.Fault> faults = new ArrayList<>();
    if (validTo.isBefore(validFrom)) {
      faults.add(new UploadOutcome.Fault("validTo", "is on or after validFrom"));
    } else if (ChronoUnit.DAYS.between(validFrom, validTo) >= MAX_DAYS) {
      faults.add(
          new UploadOutcome.Fault("validTo", "a version covers at most " + MAX_DAYS + " days"));
    }
    List<PriceLine> lines = List.of();
    switch (PriceBookCsv.read(csv)) {
      case PriceBookCsv.Rows rows -> lines = rows.lines();
      case PriceBookCsv.Faults bad ->
          bad.faults().forEach(f -> faults.add(new UploadOutcome.Fault(f.field(), f.reason())));
    }
    if (!faults.isEmpty()) {
      return new UploadOutcome.Refused(faults);
    }
    int version = repository.nextVersion(name);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String sha256 = sha256(csv);
    PriceBook unsigned =
        new PriceBook(
            name,
            version,
            validFrom,
            validTo,
            caller.organisationId(),
            caller.organisationName(),
            participant,
            caller.username(),
            at,
            lines.size(),
            sha256,
            "",
            "");
    String jws = signatures.sign(caller.organisationId(), SIGNATURE_TYPE, canonical(unsigned));
    PriceBook book = unsigned.signed(signatures.verify(jws).kid(), jws);
    repository.insert(book, csv, lines);
    log.record(PriceBookRecords.commitment(book));
    return new UploadOutcome.Stored(book);
  }

  /**
   * The canonical record a version's signature covers: RFC 8785 JSON of its name, version, period,
   * uploader, time, row count and the SHA-256 of its CSV bytes.
   */
  public static byte[] canonical(PriceBook b) {
    return CanonicalJson.bytes(PriceBookRecords.signedFields(b));
  }

  /**
   * Whether a stored version's signature verifies with a known authority key and covers this
   * version's record and CSV bytes as stored now.
   */
  @Transactional(readOnly = true)
  public boolean verifies(PriceBook book) {
    Optional<byte[]> csv = repository.csv(book.name(), book.version());
    if (csv.isEmpty() || !sha256(csv.get()).equals(book.sha256())) {
      return false;
    }
    try {
      Verified v = signatures.verify(book.signature());
      return v.type().equals(SIGNATURE_TYPE)
          && v.kid().equals(book.kid())
          && v.organisationId().equals(book.organisationId())
          && MessageDigest.isEqual(v.payload(), canonical(book));
    } catch (SignatureException e) {
      return false;
    }
  }

  /** Every version of every book, by name and version. */
  @Transactional(readOnly = true)
  public List<PriceBook> list() {
    return repository.all().stream().map(PriceBookRepository.Stored::book).toList();
  }

  @Transactional(readOnly = true)
  public Optional<PriceBook> find(PriceBookName name, int version) {
    return repository.find(name, version).map(PriceBookRepository.Stored::book);
  }

  /** A version's CSV as uploaded, byte for byte. */
  @Transactional(readOnly = true)
  public Optional<byte[]> csv(PriceBookName name, int version) {
    return repository.csv(name, version);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
