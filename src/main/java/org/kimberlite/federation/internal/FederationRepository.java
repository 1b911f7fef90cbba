package org.kimberlite.federation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.SplitView;
import org.kimberlite.federation.SplitViewKind;
import org.kimberlite.federation.Submission;
import org.kimberlite.federation.WitnessedCheckpoint;
import org.kimberlite.ledger.Checkpoint;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The federation's tables (V34): the checkpoint cosigned last per peer log, split-view evidence,
 * and the state of submitting this log's checkpoints. Each method is one statement: the advance of
 * a witnessed checkpoint is a compare-and-swap that needs no surrounding transaction.
 */
@Repository
public class FederationRepository {
  private final JdbcClient jdbc;

  public FederationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<WitnessedCheckpoint> witnessed(String origin) {
    return jdbc.sql(
            "select origin, tree_size, root_hash, note, cosigned_at from federation_witnessed"
                + " where origin = :origin")
        .param("origin", origin)
        .query(FederationRepository::witnessed)
        .optional();
  }

  public List<WitnessedCheckpoint> allWitnessed() {
    return jdbc.sql(
            "select origin, tree_size, root_hash, note, cosigned_at from federation_witnessed"
                + " order by origin")
        .query(FederationRepository::witnessed)
        .list();
  }

  private static WitnessedCheckpoint witnessed(ResultSet rs, int row) throws SQLException {
    return new WitnessedCheckpoint(
        new Checkpoint(
            rs.getString("origin"),
            rs.getLong("tree_size"),
            Base64.getDecoder().decode(rs.getString("root_hash"))),
        rs.getString("note"),
        rs.getObject("cosigned_at", OffsetDateTime.class).toInstant());
  }

  /**
   * Records {@code next} as the checkpoint cosigned last for its origin, if the stored one is still
   * {@code expected} (null: none stored). Returns false when another request advanced it first.
   */
  public boolean advance(
      @Nullable Checkpoint expected, Checkpoint next, String note, Instant cosignedAt) {
    OffsetDateTime at = cosignedAt.atOffset(ZoneOffset.UTC);
    String root = Base64.getEncoder().encodeToString(next.rootHash());
    if (expected == null) {
      try {
        return jdbc.sql(
                    "insert into federation_witnessed (origin, tree_size, root_hash, note,"
                        + " cosigned_at) values (:origin, :size, :root, :note, :at)")
                .param("origin", next.origin())
                .param("size", next.size())
                .param("root", root)
                .param("note", note)
                .param("at", at)
                .update()
            == 1;
      } catch (DuplicateKeyException e) {
        return false;
      }
    }
    return jdbc.sql(
                "update federation_witnessed set tree_size = :size, root_hash = :root, note ="
                    + " :note, cosigned_at = :at where origin = :origin and tree_size ="
                    + " :expectedSize and root_hash = :expectedRoot")
            .param("size", next.size())
            .param("root", root)
            .param("note", note)
            .param("at", at)
            .param("origin", next.origin())
            .param("expectedSize", expected.size())
            .param("expectedRoot", Base64.getEncoder().encodeToString(expected.rootHash()))
            .update()
        == 1;
  }

  public void keep(SplitView v) {
    jdbc.sql(
            "insert into federation_split_view (id, origin, kind, reason, cosigned_size,"
                + " cosigned_note, presented_size, presented_note, detected_at) values (:id,"
                + " :origin, :kind, :reason, :cosignedSize, :cosignedNote, :presentedSize,"
                + " :presentedNote, :at)")
        .param("id", v.id())
        .param("origin", v.origin())
        .param("kind", v.kind().name())
        .param("reason", v.reason())
        .param("cosignedSize", v.cosignedSize())
        .param("cosignedNote", v.cosignedNote())
        .param("presentedSize", v.presentedSize())
        .param("presentedNote", v.presentedNote())
        .param("at", v.detectedAt().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** Split views, newest first. */
  public List<SplitView> splitViews(int page, int size) {
    return jdbc.sql(
            "select * from federation_split_view order by detected_at desc, id"
                + " offset :offset rows fetch next :size rows only")
        .param("offset", (long) page * size)
        .param("size", size)
        .query(
            (rs, row) ->
                new SplitView(
                    rs.getObject("id", UUID.class),
                    rs.getString("origin"),
                    SplitViewKind.valueOf(rs.getString("kind")),
                    rs.getString("reason"),
                    rs.getLong("cosigned_size"),
                    rs.getString("cosigned_note"),
                    rs.getLong("presented_size"),
                    rs.getString("presented_note"),
                    rs.getObject("detected_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  public long splitViewCount() {
    return jdbc.sql("select count(*) from federation_split_view").query(Long.class).single();
  }

  public Optional<Submission> submission(String witness) {
    return jdbc.sql("select * from federation_submission where witness = :witness")
        .param("witness", witness)
        .query(FederationRepository::submission)
        .optional();
  }

  public List<Submission> submissions() {
    return jdbc.sql("select * from federation_submission order by witness")
        .query(FederationRepository::submission)
        .list();
  }

  private static Submission submission(ResultSet rs, int row) throws SQLException {
    OffsetDateTime succeeded = rs.getObject("succeeded_at", OffsetDateTime.class);
    return new Submission(
        rs.getString("witness"),
        rs.getString("operator"),
        rs.getString("url"),
        rs.getLong("cosigned_size"),
        rs.getObject("attempted_at", OffsetDateTime.class).toInstant(),
        succeeded == null ? null : succeeded.toInstant(),
        rs.getString("error"));
  }

  /** Records an attempt: its result replaces the previous one. */
  public void attempted(Submission s) {
    int updated =
        jdbc.sql(
                "update federation_submission set operator = :operator, url = :url, cosigned_size"
                    + " = :size, attempted_at = :attempted, succeeded_at = :succeeded, error ="
                    + " :error where witness = :witness")
            .params(submissionParams(s))
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "insert into federation_submission (witness, operator, url, cosigned_size,"
                    + " attempted_at, succeeded_at, error) values (:witness, :operator, :url,"
                    + " :size, :attempted, :succeeded, :error)")
            .params(submissionParams(s))
            .update();
      } catch (DuplicateKeyException e) {
        // another process recorded its attempt at the same moment; either result will do
      }
    }
  }

  private static java.util.Map<String, @Nullable Object> submissionParams(Submission s) {
    java.util.Map<String, @Nullable Object> p = new java.util.HashMap<>();
    p.put("witness", s.witness());
    p.put("operator", s.operator());
    p.put("url", s.url());
    p.put("size", s.cosignedSize());
    p.put("attempted", s.attemptedAt().atOffset(ZoneOffset.UTC));
    p.put("succeeded", s.succeededAt() == null ? null : s.succeededAt().atOffset(ZoneOffset.UTC));
    p.put("error", s.error());
    return p;
  }
}
