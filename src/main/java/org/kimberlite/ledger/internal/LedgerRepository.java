package org.kimberlite.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.LogEntry;
import org.kimberlite.ledger.StoredHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the ledger: entries, tree nodes, checkpoints, cosignatures and the head row. */
@Repository
public class LedgerRepository {
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public LedgerRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  static OffsetDateTime ts(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    if (t == null) {
      throw new SQLException(column + " is null");
    }
    return t.toInstant();
  }

  /** A new entry, not yet placed in the tree. */
  public record NewEntry(
      UUID id,
      String type,
      String recordId,
      String issuer,
      Instant time,
      byte[] data,
      byte[] leafHash,
      byte[] salt,
      String recordJson,
      String audience,
      Instant createdAt) {}

  public void insert(NewEntry e) {
    jdbc.sql(
            """
            insert into ledger_entry
              (id, type, record_id, issuer, entry_time, data, leaf_hash, salt, record_json,
               audience, created_at)
            values (:id, :type, :recordId, :issuer, :time, :data, :leaf, :salt, :record,
                    :audience, :created)
            """)
        .param("id", e.id())
        .param("type", e.type())
        .param("recordId", e.recordId())
        .param("issuer", e.issuer())
        .param("time", ts(e.time()))
        .param("data", e.data())
        .param("leaf", e.leafHash())
        .param("salt", e.salt())
        .param("record", e.recordJson())
        .param("audience", e.audience())
        .param("created", ts(e.createdAt()))
        .update();
  }

  /** Inserts many new entries in one batch. */
  public void insertAll(List<NewEntry> entries) {
    if (entries.size() == 1) {
      insert(entries.get(0));
      return;
    }
    batch.batchUpdate(
        """
        insert into ledger_entry
          (id, type, record_id, issuer, entry_time, data, leaf_hash, salt, record_json,
           audience, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        entries,
        entries.size(),
        (ps, e) -> {
          ps.setObject(1, e.id());
          ps.setString(2, e.type());
          ps.setString(3, e.recordId());
          ps.setString(4, e.issuer());
          ps.setObject(5, ts(e.time()));
          ps.setBytes(6, e.data());
          ps.setBytes(7, e.leafHash());
          ps.setBytes(8, e.salt());
          ps.setString(9, e.recordJson());
          ps.setString(10, e.audience());
          ps.setObject(11, ts(e.createdAt()));
        });
  }

  /** A stored entry with its private parts and audience (callers decide what to show). */
  public record StoredEntry(LogEntry entry, String recordJson, byte[] salt, String audience) {}

  private static final String ENTRY_COLUMNS =
      "id, type, record_id, issuer, entry_time, data, leaf_hash, idx, record_json, salt, audience";

  private static StoredEntry stored(ResultSet rs) throws SQLException {
    long idx = rs.getLong("idx");
    Long index = rs.wasNull() ? null : idx;
    String recordJson = rs.getString("record_json");
    byte[] salt = rs.getBytes("salt");
    LogEntry entry =
        new LogEntry(
            rs.getObject("id", UUID.class),
            rs.getString("type"),
            rs.getString("record_id"),
            rs.getString("issuer"),
            instant(rs, "entry_time"),
            rs.getBytes("data"),
            rs.getBytes("leaf_hash"),
            index,
            recordJson,
            salt);
    return new StoredEntry(entry, recordJson, salt, rs.getString("audience"));
  }

  public Optional<StoredEntry> entry(UUID id) {
    return jdbc.sql("select " + ENTRY_COLUMNS + " from ledger_entry where id = :id")
        .param("id", id)
        .query((rs, n) -> stored(rs))
        .optional();
  }

  public List<StoredEntry> entriesOfRecord(String type, String recordId) {
    return jdbc.sql(
            "select "
                + ENTRY_COLUMNS
                + " from ledger_entry where type = :type and record_id = :recordId order by seq")
        .param("type", type)
        .param("recordId", recordId)
        .query((rs, n) -> stored(rs))
        .list();
  }

  /** Every integrated entry in index order, for the auditor; {@code from} inclusive. */
  public List<StoredEntry> integratedEntries(long from, int limit) {
    return jdbc.sql(
            "select "
                + ENTRY_COLUMNS
                + " from ledger_entry where idx >= :from order by idx fetch first :limit rows only")
        .param("from", from)
        .param("limit", limit)
        .query((rs, n) -> stored(rs))
        .list();
  }

  public long pendingCount() {
    return jdbc.sql("select count(*) from ledger_entry where idx is null")
        .query(Long.class)
        .single();
  }

  /** Entries waiting for their index: how many, and when the oldest was committed (null: none). */
  public record Waiting(long count, @org.jspecify.annotations.Nullable Instant oldest) {}

  /** The waiting entries' count and oldest time, read together so that they agree. */
  public Waiting waiting() {
    return jdbc.sql("select count(*), min(created_at) from ledger_entry where idx is null")
        .query(
            (rs, n) -> {
              OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
              return new Waiting(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            })
        .single();
  }

  /** Pending entries in commit-sequence order: (id, leaf hash). */
  public List<Pending> pending(int limit) {
    return jdbc.sql(
            """
            select id, leaf_hash from ledger_entry where idx is null
            order by seq fetch first :limit rows only
            """)
        .param("limit", limit)
        .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getBytes("leaf_hash")))
        .list();
  }

  /** An entry waiting for its index. */
  public record Pending(UUID id, byte[] leafHash) {}

  public void assignIndexes(List<UUID> ids, long firstIndex) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      rows.add(new Object[] {firstIndex + i, ids.get(i)});
    }
    int[] counts =
        batch.batchUpdate("update ledger_entry set idx = ? where id = ? and idx is null", rows);
    for (int c : counts) {
      if (c != 1 && c != java.sql.Statement.SUCCESS_NO_INFO) {
        throw new IllegalStateException("An entry was integrated by someone else");
      }
    }
  }

  public void insertNodes(List<StoredHash> nodes) {
    List<Object[]> rows = new ArrayList<>();
    for (StoredHash h : nodes) {
      rows.add(new Object[] {h.level(), h.index(), h.hash()});
    }
    batch.batchUpdate("insert into ledger_node (level, idx, hash) values (?, ?, ?)", rows);
  }

  public byte @Nullable [] node(int level, long index) {
    return jdbc.sql("select hash from ledger_node where level = :level and idx = :idx")
        .param("level", level)
        .param("idx", index)
        .query((rs, n) -> rs.getBytes("hash"))
        .optional()
        .orElse(null);
  }

  /** Most coordinates in one statement. */
  private static final int NODES_CHUNK = 500;

  /**
   * The stored hashes at these coordinates (level → indexes), read in one statement per 500
   * coordinates; keyed by {@code level + ":" + index}. Coordinates with no stored hash are absent.
   */
  public Map<String, byte[]> nodesAt(Map<Integer, Set<Long>> coordinates) {
    Map<String, byte[]> out = new HashMap<>();
    List<Object[]> pairs = new ArrayList<>();
    coordinates.forEach(
        (level, indexes) -> indexes.forEach(i -> pairs.add(new Object[] {level, i})));
    // The wanted coordinates as a table joined to the primary key: both columns are looked up on
    // H2 and PostgreSQL alike. "level = ? and idx in (...)" made H2 read every hash of the level
    // (the index by its first column only), so a proof's cost grew with the log.
    for (int from = 0; from < pairs.size(); from += NODES_CHUNK) {
      jdbc.sql(
              "select n.level, n.idx, n.hash from (values :pairs) as w (level, idx)"
                  + " join ledger_node n on n.level = w.level and n.idx = w.idx")
          .param("pairs", pairs.subList(from, Math.min(pairs.size(), from + NODES_CHUNK)))
          .query(
              (ResultSet rs) -> {
                out.put(rs.getInt("level") + ":" + rs.getLong("idx"), rs.getBytes("hash"));
              });
    }
    return out;
  }

  /** {@code count} consecutive stored hashes of one level, or fewer if they do not exist. */
  public List<byte[]> nodes(int level, long from, int count) {
    return jdbc.sql(
            """
            select hash from ledger_node where level = :level and idx >= :from and idx < :to
            order by idx
            """)
        .param("level", level)
        .param("from", from)
        .param("to", from + count)
        .query((rs, n) -> rs.getBytes("hash"))
        .list();
  }

  /** The entry data of indexes [from, from + count) in order. */
  public List<byte[]> entryData(long from, int count) {
    return jdbc.sql("select data from ledger_entry where idx >= :from and idx < :to order by idx")
        .param("from", from)
        .param("to", from + count)
        .query((rs, n) -> rs.getBytes("data"))
        .list();
  }

  /** The head of the tree and the process that integrated last. */
  public record State(
      long size, byte @Nullable [] root, @Nullable String vkey, @Nullable String integrator) {}

  private static State state(ResultSet rs) throws SQLException {
    return new State(
        rs.getLong("tree_size"),
        rs.getBytes("root_hash"),
        rs.getString("log_vkey"),
        rs.getString("integrator"));
  }

  public State state() {
    return jdbc.sql("select tree_size, root_hash, log_vkey, integrator from ledger_state")
        .query((rs, n) -> state(rs))
        .single();
  }

  /** Reads the head and locks it until the transaction ends: integrators queue here. */
  public State lockState() {
    return jdbc.sql(
            """
            select tree_size, root_hash, log_vkey, integrator from ledger_state
            where id = 1 for update
            """)
        .query((rs, n) -> state(rs))
        .single();
  }

  public void updateHead(long size, byte[] root, String integrator) {
    jdbc.sql(
            """
            update ledger_state set tree_size = :size, root_hash = :root, integrator = :node
            where id = 1
            """)
        .param("size", size)
        .param("root", root)
        .param("node", integrator)
        .update();
  }

  /** Records the log's verifier key the first time; returns the key on record. */
  public String claimVkey(String vkey) {
    jdbc.sql("update ledger_state set log_vkey = :vkey where id = 1 and log_vkey is null")
        .param("vkey", vkey)
        .update();
    return String.valueOf(state().vkey());
  }

  /** A signed checkpoint as stored. */
  public record StoredCheckpoint(
      long size, byte[] root, String note, String createdBy, Instant createdAt) {}

  private static StoredCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
    return new StoredCheckpoint(
        rs.getLong("tree_size"),
        rs.getBytes("root_hash"),
        rs.getString("note"),
        rs.getString("created_by"),
        instant(rs, "created_at"));
  }

  public void insertCheckpoint(long size, byte[] root, String note, Instant at, String by) {
    jdbc.sql(
            """
            insert into ledger_checkpoint (tree_size, root_hash, note, created_at, created_by)
            values (:size, :root, :note, :at, :by)
            """)
        .param("size", size)
        .param("root", root)
        .param("note", note)
        .param("at", ts(at))
        .param("by", by)
        .update();
  }

  public Optional<StoredCheckpoint> latestCheckpoint() {
    return jdbc.sql(
            """
            select tree_size, root_hash, note, created_by, created_at from ledger_checkpoint
            order by tree_size desc fetch first 1 rows only
            """)
        .query(LedgerRepository::checkpoint)
        .optional();
  }

  public Optional<StoredCheckpoint> checkpointAt(long size) {
    return jdbc.sql(
            "select tree_size, root_hash, note, created_by, created_at from ledger_checkpoint where tree_size = :size")
        .param("size", size)
        .query(LedgerRepository::checkpoint)
        .optional();
  }

  public List<StoredCheckpoint> checkpoints() {
    return jdbc.sql(
            "select tree_size, root_hash, note, created_by, created_at from ledger_checkpoint order by tree_size")
        .query(LedgerRepository::checkpoint)
        .list();
  }

  public void replaceCosignature(long size, String witness, String line, long time, Instant at) {
    jdbc.sql("delete from ledger_cosignature where tree_size = :size and witness = :witness")
        .param("size", size)
        .param("witness", witness)
        .update();
    jdbc.sql(
            """
            insert into ledger_cosignature (tree_size, witness, line, cosigned_at, received_at)
            values (:size, :witness, :line, :time, :at)
            """)
        .param("size", size)
        .param("witness", witness)
        .param("line", line)
        .param("time", time)
        .param("at", ts(at))
        .update();
  }

  public List<String> cosignatureLines(long size) {
    return jdbc.sql("select line from ledger_cosignature where tree_size = :size order by witness")
        .param("size", size)
        .query(String.class)
        .list();
  }
}
