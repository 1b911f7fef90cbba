package org.kimberlite.valuation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.valuation.AssortmentClass;
import org.kimberlite.valuation.PriceBook;
import org.kimberlite.valuation.PriceBookName;
import org.kimberlite.valuation.PriceLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Price book versions and their prices. */
@Repository
public class PriceBookRepository {
  private static final String COLUMNS =
      """
      id, name, version, valid_from, valid_to, organisation_id, organisation_name,
      participant_code, uploaded_by, uploaded_at, row_count, sha256, kid, signature
      """;

  /** The most versions listed at once. */
  public static final int MAX_LISTED = 1000;

  private final JdbcClient jdbc;

  public PriceBookRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored version and its upload sequence. */
  public record Stored(long sequence, PriceBook book) {}

  /** The organisation that owns a name (uploaded its first version), if any. */
  public Optional<UUID> owner(PriceBookName name) {
    return jdbc.sql(
            "select organisation_id from valuation_price_book where name = :name and version = 1")
        .param("name", name.code())
        .query(UUID.class)
        .optional();
  }

  public int nextVersion(PriceBookName name) {
    return jdbc.sql("select coalesce(max(version), 0) from valuation_price_book where name = :name")
            .param("name", name.code())
            .query(Integer.class)
            .single()
        + 1;
  }

  public long insert(PriceBook b, byte[] csv, List<PriceLine> lines) {
    jdbc.sql(
            """
            insert into valuation_price_book
              (name, version, valid_from, valid_to, organisation_id, organisation_name,
               participant_code, uploaded_by, uploaded_at, row_count, sha256, kid, signature, csv)
            values (:name, :version, :from, :to, :org, :orgName, :participant, :by, :at, :rows,
                    :sha, :kid, :signature, :csv)
            """)
        .param("name", b.name().code())
        .param("version", b.version())
        .param("from", b.validFrom())
        .param("to", b.validTo())
        .param("org", b.organisationId())
        .param("orgName", b.organisationName())
        .param("participant", b.participant().code())
        .param("by", b.uploadedBy())
        .param("at", OffsetDateTime.ofInstant(b.uploadedAt(), ZoneOffset.UTC))
        .param("rows", b.rows())
        .param("sha", b.sha256())
        .param("kid", b.kid())
        .param("signature", b.signature())
        .param("csv", csv)
        .update();
    long id =
        jdbc.sql("select id from valuation_price_book where name = :name and version = :version")
            .param("name", b.name().code())
            .param("version", b.version())
            .query(Long.class)
            .single();
    for (PriceLine line : lines) {
      jdbc.sql(
              """
              insert into valuation_price (book_id, class_code, usd_per_carat)
              values (:id, :code, :price)
              """)
          .param("id", id)
          .param("code", line.assortment().code())
          .param("price", line.price().value())
          .update();
    }
    return id;
  }

  /** Every version, by name and version, at most {@link #MAX_LISTED}. */
  public List<Stored> all() {
    return jdbc.sql(
            "select " + COLUMNS + " from valuation_price_book order by name, version limit :max")
        .param("max", MAX_LISTED)
        .query(PriceBookRepository::row)
        .list();
  }

  /** Every version's name and number (all of them, for the audit). */
  public List<Stored> keys() {
    return jdbc.sql("select " + COLUMNS + " from valuation_price_book order by name, version")
        .query(PriceBookRepository::row)
        .list();
  }

  public Optional<Stored> find(PriceBookName name, int version) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from valuation_price_book where name = :name and version = :version")
        .param("name", name.code())
        .param("version", version)
        .query(PriceBookRepository::row)
        .optional();
  }

  public Optional<byte[]> csv(PriceBookName name, int version) {
    return jdbc.sql(
            "select csv from valuation_price_book where name = :name and version = :version")
        .param("name", name.code())
        .param("version", version)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  /** The versions in force on a day, of one book or of all. */
  public List<Stored> inForce(LocalDate day, @Nullable PriceBookName book) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from valuation_price_book where valid_from <= :day and valid_to >= :day"
                + (book == null ? "" : " and name = :name")
                + " order by id")
        .param("day", day)
        .params(book == null ? Map.of() : Map.of("name", book.code()))
        .query(PriceBookRepository::row)
        .list();
  }

  /** The prices of the given classes in the given versions, by version id. */
  public Map<Long, Map<AssortmentClass, UsdPerCarat>> prices(
      Collection<Long> books, Collection<AssortmentClass> classes) {
    Map<Long, Map<AssortmentClass, UsdPerCarat>> out = new HashMap<>();
    if (books.isEmpty() || classes.isEmpty()) {
      return out;
    }
    jdbc.sql(
            """
            select book_id, class_code, usd_per_carat from valuation_price
            where book_id in (:books) and class_code in (:codes)
            """)
        .param("books", List.copyOf(books))
        .param("codes", classes.stream().map(AssortmentClass::code).distinct().toList())
        .query(
            (rs, n) -> {
              out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                  .put(AssortmentClass.parse(rs.getString(2)), UsdPerCarat.of(rs.getBigDecimal(3)));
              return 0;
            })
        .list();
    return out;
  }

  private static Stored row(ResultSet rs, int n) throws SQLException {
    return new Stored(
        rs.getLong("id"),
        new PriceBook(
            PriceBookName.of(rs.getString("name")),
            rs.getInt("version"),
            rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class),
            rs.getObject("organisation_id", UUID.class),
            rs.getString("organisation_name"),
            ParticipantCode.of(rs.getString("participant_code")),
            rs.getString("uploaded_by"),
            rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
            rs.getInt("row_count"),
            rs.getString("sha256"),
            rs.getString("kid"),
            rs.getString("signature")));
  }
}
