package org.kimberlite.certification.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Origin;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.certification.Party;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of certificates. Reads that return a certificate's details take the reader's organisation and
 * participant and answer only for the parties and the two authorities.
 */
@Repository
public class CertificateRepository {
  private static final String COLUMNS =
      """
      number, issuing_participant, issuing_authority, authority_name, authority_country,
      exporter, exporter_name, exporter_country, importer, importer_name, importer_country,
      importing_participant, origin_kind, origin_countries, origin_zone, parcels, seal_id,
      issued_on, expires_on, status, status_on, signature, audience, version
      """;

  /**
   * Who may read a certificate: its parties, its issuer and the importing participant's
   * authorities.
   */
  private static final String VISIBLE =
      """
      (issuing_authority = :viewer or exporter = :viewer or importer = :viewer
       or (:viewerIsAuthority = true and importing_participant = :viewerParticipant))
      """;

  private final JdbcClient jdbc;

  public CertificateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  /** Who is reading: an organisation, the participant it belongs to, and whether an authority. */
  public record Viewer(
      UUID organisation, @Nullable ParticipantCode participant, boolean authority) {
    /** The same test as the {@code VISIBLE} SQL condition, on a certificate already read. */
    public boolean canSee(KpCertificate c) {
      return c.issuingAuthority().organisationId().equals(organisation)
          || c.exporter().organisationId().equals(organisation)
          || c.importer().organisationId().equals(organisation)
          || (authority && c.importingParticipant().equals(participant));
    }

    public static Viewer of(org.kimberlite.registry.Caller caller) {
      return new Viewer(
          caller.organisationId(),
          caller.participant(),
          caller.has(org.kimberlite.registry.OrganisationRole.KP_AUTHORITY));
    }
  }

  public void insert(KpCertificate c, @Nullable String originZone, Set<UUID> audience, Instant at) {
    jdbc.sql(
            """
            insert into kp_certificate
              (number, issuing_participant, issuing_authority, authority_name, authority_country,
               exporter, exporter_name, exporter_country, importer, importer_name, importer_country,
               importing_participant, origin_kind, origin_countries, origin_zone, parcels, seal_id,
               issued_on, expires_on, status, status_on, carats, value_usd, signature, audience,
               created_at, version)
            values (:number, :issuing, :authority, :authorityName, :authorityCountry,
                    :exporter, :exporterName, :exporterCountry, :importer, :importerName,
                    :importerCountry, :importing, :originKind, :originCountries, :originZone,
                    :parcels, :seal, :issuedOn, :expiresOn, :status, :statusOn, :carats, :value,
                    :signature, :audience, :at, 0)
            """)
        .param("number", c.number())
        .param("issuing", c.issuingParticipant().code())
        .param("authority", c.issuingAuthority().organisationId())
        .param("authorityName", c.issuingAuthority().name())
        .param("authorityCountry", c.issuingAuthority().country().code())
        .param("exporter", c.exporter().organisationId())
        .param("exporterName", c.exporter().name())
        .param("exporterCountry", c.exporter().country().code())
        .param("importer", c.importer().organisationId())
        .param("importerName", c.importer().name())
        .param("importerCountry", c.importer().country().code())
        .param("importing", c.importingParticipant().code())
        .param("originKind", c.origin().kind().name())
        .param("originCountries", CommaList.join(c.origin().codes()))
        .param("originZone", originZone)
        .param("parcels", c.parcels())
        .param("seal", c.sealId())
        .param("issuedOn", c.issuedOn())
        .param("expiresOn", c.expiresOn())
        .param("status", c.status().name())
        .param("statusOn", c.statusOn())
        .param("carats", c.carats().value())
        .param("value", c.valueUsd().value())
        .param("signature", c.signature())
        .param("audience", CommaList.join(audience.stream().map(UUID::toString).sorted().toList()))
        .param("at", ts(at))
        .update();
    int n = 0;
    for (CertificateLine line : c.lines()) {
      jdbc.sql(
              """
              insert into kp_certificate_line (number, line_no, hs_code, carats, value_usd)
              values (:number, :n, :hs, :carats, :value)
              """)
          .param("number", c.number())
          .param("n", ++n)
          .param("hs", line.hsCode().code())
          .param("carats", line.carats().value())
          .param("value", line.valueUsd().value())
          .update();
    }
  }

  /** Any certificate, for the rules and for public verification (callers filter what they show). */
  public Optional<Stored> find(String number) {
    return jdbc.sql("select " + COLUMNS + " from kp_certificate where number = :number")
        .param("number", number)
        .query((rs, n) -> stored(rs))
        .optional()
        .map(this::withLines);
  }

  /** A certificate for a reader who must be one of its parties or authorities; else empty. */
  public Optional<Stored> findVisible(String number, Viewer viewer) {
    return jdbc.sql(
            "select " + COLUMNS + " from kp_certificate where number = :number and " + VISIBLE)
        .param("number", number)
        .param("viewer", viewer.organisation())
        .param(
            "viewerParticipant", viewer.participant() == null ? null : viewer.participant().code())
        .param("viewerIsAuthority", viewer.authority())
        .query((rs, n) -> stored(rs))
        .optional()
        .map(this::withLines);
  }

  /** Locks a certificate's row until the transaction ends (confirmation, cancellation, expiry). */
  public Optional<Stored> lock(String number) {
    return jdbc.sql("select " + COLUMNS + " from kp_certificate where number = :number for update")
        .param("number", number)
        .query((rs, n) -> stored(rs))
        .optional()
        .map(this::withLines);
  }

  /** Moves a certificate from ISSUED to a new status; 0 when it is no longer ISSUED. */
  public int changeStatus(String number, CertificateStatus to, LocalDate on, long version) {
    return changeStatus(number, CertificateStatus.ISSUED, to, on, version);
  }

  /** Moves a certificate from {@code from} to a new status; 0 when it is no longer {@code from}. */
  public int changeStatus(
      String number, CertificateStatus from, CertificateStatus to, LocalDate on, long version) {
    return jdbc.sql(
            """
            update kp_certificate set status = :to, status_on = :on, version = version + 1
            where number = :number and status = :from and version = :version
            """)
        .param("from", from.name())
        .param("to", to.name())
        .param("on", on)
        .param("number", number)
        .param("version", version)
        .update();
  }

  public List<String> dueForExpiry(LocalDate today, int limit) {
    return jdbc.sql(
            """
            select number from kp_certificate where status = 'ISSUED' and expires_on < :today
            order by expires_on fetch first :limit rows only
            """)
        .param("today", today)
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** A page of certificates the viewer's authority issued or its participant imports. */
  public List<Stored> list(
      Viewer viewer,
      @Nullable CertificateStatus status,
      @Nullable String participant,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      boolean incoming,
      int offset,
      int limit) {
    String side =
        incoming
            ? "importing_participant = :viewerParticipant and :viewerIsAuthority = true"
            : "issuing_authority = :viewer";
    return jdbc
        .sql(
            "select "
                + COLUMNS
                + " from kp_certificate where "
                + side
                + """
                 and (cast(:status as varchar(10)) is null or status = :status)
                 and (cast(:participant as varchar(8)) is null or importing_participant = :participant
                      or issuing_participant = :participant)
                 and (cast(:from as date) is null or issued_on >= :from)
                 and (cast(:to as date) is null or issued_on <= :to)
                order by issued_on desc, number desc
                offset :offset rows fetch next :limit rows only
                """)
        .param("viewer", viewer.organisation())
        .param(
            "viewerParticipant", viewer.participant() == null ? null : viewer.participant().code())
        .param("viewerIsAuthority", viewer.authority())
        .param("status", status == null ? null : status.name())
        .param("participant", participant)
        .param("from", from)
        .param("to", to)
        .param("offset", offset)
        .param("limit", limit)
        .query((rs, n) -> stored(rs))
        .list()
        .stream()
        .map(this::withLines)
        .toList();
  }

  /** A stored certificate: the document and what the store keeps about it. */
  public record Stored(
      KpCertificate certificate, @Nullable String originZone, Set<UUID> audience, long version) {
    public Stored {
      audience = Set.copyOf(audience);
    }
  }

  private Stored withLines(Stored s) {
    List<CertificateLine> lines =
        jdbc.sql(
                """
                select hs_code, carats, value_usd from kp_certificate_line
                where number = :number order by line_no
                """)
            .param("number", s.certificate().number())
            .query(
                (rs, n) ->
                    new CertificateLine(
                        HsCode.of(rs.getString("hs_code")),
                        Carats.of(rs.getBigDecimal("carats")),
                        UsdAmount.of(rs.getBigDecimal("value_usd"))))
            .list();
    return new Stored(s.certificate().withLines(lines), s.originZone(), s.audience(), s.version());
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    String countries = rs.getString("origin_countries");
    KpCertificate c =
        new KpCertificate(
            rs.getString("number"),
            ParticipantCode.of(rs.getString("issuing_participant")),
            new Party(
                rs.getObject("issuing_authority", UUID.class),
                rs.getString("authority_name"),
                CountryCode.of(rs.getString("authority_country").trim())),
            new Party(
                rs.getObject("exporter", UUID.class),
                rs.getString("exporter_name"),
                CountryCode.of(rs.getString("exporter_country").trim())),
            new Party(
                rs.getObject("importer", UUID.class),
                rs.getString("importer_name"),
                CountryCode.of(rs.getString("importer_country").trim())),
            ParticipantCode.of(rs.getString("importing_participant")),
            new Origin(
                OriginKind.valueOf(rs.getString("origin_kind")),
                CommaList.split(countries).stream().map(CountryCode::of).toList()),
            List.of(),
            rs.getInt("parcels"),
            rs.getString("seal_id"),
            rs.getObject("issued_on", LocalDate.class),
            rs.getObject("expires_on", LocalDate.class),
            CertificateStatus.valueOf(rs.getString("status")),
            rs.getObject("status_on", LocalDate.class),
            rs.getString("signature"));
    return new Stored(
        c,
        rs.getString("origin_zone"),
        CommaList.split(rs.getString("audience")).stream()
            .map(UUID::fromString)
            .collect(Collectors.toSet()),
        rs.getLong("version"));
  }

  /** One status event as stored, for the history and the audit. */
  public record Event(
      long id,
      String number,
      CertificateStatus status,
      LocalDate effectiveOn,
      @Nullable UUID organisation,
      String details,
      @Nullable String signature,
      Instant recordedAt) {}

  public long insertEvent(
      String number,
      CertificateStatus status,
      LocalDate on,
      @Nullable UUID organisation,
      String details,
      @Nullable String signature,
      Instant at) {
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into kp_certificate_event
              (number, status, effective_on, organisation, details, signature, recorded_at)
            values (:number, :status, :on, :org, :details, :signature, :at)
            """)
        .param("number", number)
        .param("status", status.name())
        .param("on", on)
        .param("org", organisation)
        .param("details", details)
        .param("signature", signature)
        .param("at", ts(at))
        .update(key, "id");
    Number id = key.getKeys() == null ? key.getKey() : (Number) key.getKeys().get("id");
    if (id == null) {
      throw new IllegalStateException("no event id");
    }
    return id.longValue();
  }

  public List<Event> events(String number) {
    return jdbc.sql(
            """
            select id, number, status, effective_on, organisation, details, signature, recorded_at
            from kp_certificate_event where number = :number order by id
            """)
        .param("number", number)
        .query((rs, n) -> event(rs))
        .list();
  }

  public Optional<Event> event(long id) {
    return jdbc.sql(
            """
            select id, number, status, effective_on, organisation, details, signature, recorded_at
            from kp_certificate_event where id = :id
            """)
        .param("id", id)
        .query((rs, n) -> event(rs))
        .optional();
  }

  public List<Long> eventIds() {
    return jdbc.sql("select id from kp_certificate_event order by id").query(Long.class).list();
  }

  /**
   * Certificates issued in a period, any status, for due diligence (oldest first), narrowed to an
   * importing organisation, an importing participant or an issuing participant when given.
   */
  public List<Stored> window(
      LocalDate from,
      LocalDate to,
      @Nullable UUID importer,
      @Nullable String importing,
      @Nullable String issuing,
      int limit) {
    // Only the filters given are in the statement, so that each can be answered from its index
    // (by importer, by importing or issuing participant, then by day).
    StringBuilder where = new StringBuilder("issued_on >= :from and issued_on <= :to");
    if (importer != null) {
      where.append(" and importer = :importer");
    }
    if (importing != null) {
      where.append(" and importing_participant = :importing");
    }
    if (issuing != null) {
      where.append(" and issuing_participant = :issuing");
    }
    var statement =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from kp_certificate where "
                    + where
                    + " order by issued_on, number fetch first :limit rows only")
            .param("from", from)
            .param("to", to)
            .param("limit", limit);
    if (importer != null) {
      statement = statement.param("importer", importer);
    }
    if (importing != null) {
      statement = statement.param("importing", importing);
    }
    if (issuing != null) {
      statement = statement.param("issuing", issuing);
    }
    return statement.query((rs, n) -> stored(rs)).list().stream().map(this::withLines).toList();
  }

  /** Own-origin exports of a participant in a year: carats, and a few numbers and parties. */
  public record OwnOrigin(BigDecimal carats, List<String> numbers, Set<UUID> organisations) {}

  public OwnOrigin ownOrigin(String participant, int year, int examples) {
    String own =
        """
         from kp_certificate c where c.issuing_participant = :p
         and c.issued_on >= :from and c.issued_on <= :to and c.status <> 'CANCELLED'
         and c.origin_kind = 'SINGLE' and c.origin_countries = c.authority_country
        """;
    // A certificate's carats are the sum of its lines (stored with it), so no line is read.
    BigDecimal carats =
        jdbc.sql("select coalesce(sum(c.carats), 0)" + own)
            .param("p", participant)
            .param("from", LocalDate.of(year, 1, 1))
            .param("to", LocalDate.of(year, 12, 31))
            .query(BigDecimal.class)
            .single();
    List<String> numbers = new ArrayList<>();
    Set<UUID> organisations = new java.util.HashSet<>();
    jdbc.sql(
            "select c.number, c.issuing_authority, c.exporter"
                + own
                + " order by c.issued_on, c.number fetch first :n rows only")
        .param("p", participant)
        .param("from", LocalDate.of(year, 1, 1))
        .param("to", LocalDate.of(year, 12, 31))
        .param("n", examples)
        .query(
            (rs, n) -> {
              numbers.add(rs.getString("number"));
              organisations.add(rs.getObject("issuing_authority", UUID.class));
              organisations.add(rs.getObject("exporter", UUID.class));
              return 0;
            })
        .list();
    return new OwnOrigin(carats, numbers, organisations);
  }

  public List<String> numbers() {
    return jdbc.sql("select number from kp_certificate order by number").query(String.class).list();
  }

  private static Event event(ResultSet rs) throws SQLException {
    return new Event(
        rs.getLong("id"),
        rs.getString("number"),
        CertificateStatus.valueOf(rs.getString("status")),
        rs.getObject("effective_on", LocalDate.class),
        rs.getObject("organisation", UUID.class),
        rs.getString("details"),
        rs.getString("signature"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
  }

  public void insertFinding(String number, String rule, String detail, Instant at) {
    jdbc.sql(
            """
            insert into kp_finding (number, rule_id, detail, raised_at)
            values (:number, :rule, :detail, :at)
            """)
        .param("number", number)
        .param("rule", rule)
        .param("detail", detail)
        .param("at", ts(at))
        .update();
  }

  /** A flag raised on a certificate. */
  public record Finding(String rule, String detail, Instant raisedAt) {}

  public List<Finding> findings(String number) {
    return jdbc.sql(
            "select rule_id, detail, raised_at from kp_finding where number = :number order by id")
        .param("number", number)
        .query(
            (rs, n) ->
                new Finding(
                    rs.getString("rule_id"),
                    rs.getString("detail"),
                    rs.getObject("raised_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  public void insertRejection(
      String action,
      @Nullable String number,
      @Nullable UUID organisation,
      String rules,
      String detail,
      Instant at) {
    jdbc.sql(
            """
            insert into kp_rejection (action, number, organisation, rules, detail, refused_at)
            values (:action, :number, :org, :rules, :detail, :at)
            """)
        .param("action", action)
        .param("number", number)
        .param("org", organisation)
        .param("rules", rules)
        .param("detail", detail)
        .param("at", ts(at))
        .update();
  }

  public long rejections(String action) {
    return jdbc.sql("select count(*) from kp_rejection where action = :action")
        .param("action", action)
        .query(Long.class)
        .single();
  }

  /**
   * The next number of a country's range, allocated under a row lock; empty when exhausted. The
   * range row is made on first use; two first uses at once both find it made (the second insert
   * waits for the first and then does nothing), so neither fails on the key.
   */
  public Optional<String> nextNumber(String prefix, long first, long last) {
    Optional<Range> existing = range(prefix, true);
    if (existing.isEmpty()) {
      // A country's first number: two first issues at once both insert, one of them is a no-op.
      jdbc.sql(
              """
              insert into kp_number_range (prefix, first_number, last_number, next_number)
              values (:prefix, :first, :last, :first)
              on conflict do nothing
              """)
          .param("prefix", prefix)
          .param("first", first)
          .param("last", last)
          .update();
      existing = range(prefix, true);
    }
    Range range = existing.orElseThrow();
    long next = range.next();
    while (next <= range.last() && exists(format(prefix, next))) {
      next++; // skip numbers an authority gave itself from the same range
    }
    if (next > range.last()) {
      return Optional.empty();
    }
    jdbc.sql("update kp_number_range set next_number = :next where prefix = :prefix")
        .param("next", next + 1)
        .param("prefix", prefix)
        .update();
    return Optional.of(format(prefix, next));
  }

  public static String format(String prefix, long n) {
    return prefix + String.format(java.util.Locale.ROOT, "%08d", n);
  }

  /** A country's number range. */
  public record Range(String prefix, long first, long last, long next) {}

  public Optional<Range> range(String prefix, boolean forUpdate) {
    return jdbc.sql(
            "select prefix, first_number, last_number, next_number from kp_number_range"
                + " where prefix = :prefix"
                + (forUpdate ? " for update" : ""))
        .param("prefix", prefix)
        .query(
            (rs, n) ->
                new Range(
                    rs.getString("prefix"),
                    rs.getLong("first_number"),
                    rs.getLong("last_number"),
                    rs.getLong("next_number")))
        .optional();
  }

  public boolean exists(String number) {
    return jdbc.sql("select count(*) from kp_certificate where number = :n")
            .param("n", number)
            .query(Long.class)
            .single()
        > 0;
  }
}
