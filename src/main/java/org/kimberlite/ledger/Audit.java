package org.kimberlite.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kimberlite.ledger.AuditReport.Finding;
import org.kimberlite.ledger.internal.LedgerRepository;
import org.kimberlite.ledger.internal.LedgerRepository.StoredCheckpoint;
import org.kimberlite.ledger.internal.LedgerRepository.StoredEntry;
import org.kimberlite.ledger.internal.LogKeys;
import org.kimberlite.shared.json.CanonicalJson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every commitment from the database and checks it against the log: each entry's
 * envelope and leaf hash, each business record's digest as its module reads it today, every stored
 * tree hash rebuilt from the leaves, and every checkpoint's root and signature.
 */
@Service
public class Audit {
  private static final int PAGE = 5_000;

  private final LedgerRepository repository;
  private final LogKeys keys;
  private final List<CommittedRecords> sources;

  Audit(LedgerRepository repository, LogKeys keys, List<CommittedRecords> sources) {
    this.repository = repository;
    this.keys = keys;
    this.sources = List.copyOf(sources);
  }

  @Transactional(readOnly = true)
  public AuditReport run() {
    return run(List.of());
  }

  /**
   * Audits, and also proves the log against checkpoints seen before (signed notes as served at
   * {@code /log/checkpoint} or cosigned by a witness): each must verify with the log's key, its
   * tree must be no larger than the one in the database, and the database's tree must extend it (a
   * consistency proof from its size to the database's, checked against its root). A restore that
   * lost records, or a log cut short, fails here even when what is left agrees with itself.
   */
  @Transactional(readOnly = true)
  public AuditReport run(List<String> seenCheckpoints) {
    List<Finding> findings = new ArrayList<>();
    Map<Long, byte[]> rebuilt = new HashMap<>();
    HashReader memory = (level, index) -> requireNode(rebuilt, level, index);
    Map<String, StoredEntry> latestByRecord = new LinkedHashMap<>();
    long entries = 0;
    long next = 0;
    while (true) {
      List<StoredEntry> page = repository.integratedEntries(next, PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (StoredEntry stored : page) {
        LogEntry e = stored.entry();
        long index = e.index() == null ? -1 : e.index();
        String where = "entry " + e.entryId() + " (index " + index + ")";
        if (index != next) {
          findings.add(new Finding("gap", where, "expected index " + next));
        }
        next = index + 1;
        entries++;
        byte[] expected =
            TransparencyLog.envelope(
                Commitment.publicRecord(e.type(), e.recordId(), e.issuer(), e.time(), Map.of()),
                TransparencyLog.digest(stored.salt(), stored.recordJson()));
        if (!Arrays.equals(expected, e.data())) {
          findings.add(
              new Finding(
                  "entry-mismatch",
                  where,
                  "the stored entry is not the envelope of the stored record and salt"));
        }
        if (!Arrays.equals(Rfc6962.leafHash(e.data()), e.leafHash())) {
          findings.add(new Finding("leaf-mismatch", where, "leaf hash is not H(0x00 || entry)"));
        }
        for (StoredHash h : CompactRange.appendLeaf(index, e.leafHash(), memory)) {
          rebuilt.put(key(h.level(), h.index()), h.hash());
        }
        latestByRecord.put(e.type() + "\u0000" + e.recordId(), stored);
      }
    }
    long records = checkRecords(latestByRecord, findings);
    long size = next;
    long checkpoints = checkTree(rebuilt, size, findings);
    for (int i = 0; i < seenCheckpoints.size(); i++) {
      checkSeen(
          seenCheckpoints.get(i), "checkpoint seen before #" + (i + 1), rebuilt, size, findings);
    }
    return new AuditReport(entries, records, checkpoints, size, List.copyOf(findings));
  }

  private void checkSeen(
      String note, String where, Map<Long, byte[]> rebuilt, long size, List<Finding> findings) {
    Checkpoint seen;
    try {
      seen = Checkpoint.open(note, keys.signer().name(), List.of(keys.verifier()));
    } catch (LogFormatException | ProofException e) {
      findings.add(
          new Finding(
              "seen-checkpoint-unverified",
              where,
              "it does not verify with this log's key: " + e.getMessage()));
      return;
    }
    where = where + " (size " + seen.size() + ")";
    if (seen.size() > size) {
      findings.add(
          new Finding(
              "log-truncated",
              where,
              "the log once held "
                  + seen.size()
                  + " entries and the database holds "
                  + size
                  + ": entries "
                  + size
                  + " to "
                  + (seen.size() - 1)
                  + " are missing (records lost, or the log cut short)"));
      return;
    }
    if (seen.size() == 0) {
      return;
    }
    HashReader memory = (level, index) -> requireNode(rebuilt, level, index);
    byte[] root = TreeMath.rootHash(size, memory);
    try {
      ProofVerifier.verifyConsistency(
          seen.size(),
          size,
          seen.rootHash(),
          root,
          TreeMath.consistencyProof(seen.size(), size, memory));
    } catch (ProofException e) {
      findings.add(
          new Finding(
              "log-inconsistent",
              where,
              "the database's tree of "
                  + size
                  + " entries does not extend it (consistency proof failed: "
                  + e.getMessage()
                  + "): history was rewritten"));
    }
  }

  private long checkRecords(Map<String, StoredEntry> latest, List<Finding> findings) {
    long records = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (CommittedRecords source : sources) {
      for (String type : source.types()) {
        java.util.Set<String> held = new java.util.HashSet<>(source.ids(type));
        for (StoredEntry committed : latest.values()) {
          LogEntry e = committed.entry();
          if (e.type().equals(type) && !held.contains(e.recordId())) {
            findings.add(
                new Finding(
                    "record-missing",
                    type + " " + e.recordId(),
                    "the log commits to it (entry "
                        + e.entryId()
                        + ", index "
                        + e.index()
                        + ") but the database has no such record"));
          }
        }
        for (String id : held) {
          records++;
          seen.add(type + "\u0000" + id);
          StoredEntry committed = latest.get(type + "\u0000" + id);
          String where = type + " " + id;
          if (committed == null) {
            findings.add(
                new Finding("uncommitted-record", where, "the record has no entry in the log"));
            continue;
          }
          Optional<Map<String, ?>> current = source.current(type, id);
          if (current.isEmpty()) {
            findings.add(new Finding("record-missing", where, "the committed record is gone"));
            continue;
          }
          String now = CanonicalJson.string(current.get());
          if (!TransparencyLog.digest(committed.salt(), now)
              .equals(TransparencyLog.digest(committed.salt(), committed.recordJson()))) {
            findings.add(
                new Finding(
                    "record-changed",
                    where,
                    "the record in the database no longer matches its commitment (entry "
                        + committed.entry().entryId()
                        + "): committed "
                        + committed.recordJson()
                        + ", now "
                        + now));
          }
        }
      }
    }
    // A committed record whose row was deleted is no longer among the ids: look for it by id.
    for (StoredEntry committed : latest.values()) {
      LogEntry e = committed.entry();
      if (seen.contains(e.type() + "\u0000" + e.recordId())) {
        continue;
      }
      for (CommittedRecords source : sources) {
        if (source.types().contains(e.type()) && source.current(e.type(), e.recordId()).isEmpty()) {
          findings.add(
              new Finding(
                  "record-missing",
                  e.type() + " " + e.recordId(),
                  "the committed record is gone (entry " + e.entryId() + ")"));
        }
      }
    }
    return records;
  }

  private long checkTree(Map<Long, byte[]> rebuilt, long size, List<Finding> findings) {
    NoteVerifier verifier = keys.verifier();
    List<StoredCheckpoint> checkpoints = repository.checkpoints();
    for (StoredCheckpoint c : checkpoints) {
      String where = "checkpoint " + c.size();
      if (c.size() > size) {
        findings.add(new Finding("checkpoint-beyond-entries", where, "entries are missing"));
        continue;
      }
      byte[] root =
          TreeMath.rootHash(c.size(), (level, index) -> requireNode(rebuilt, level, index));
      if (!Arrays.equals(root, c.root())) {
        findings.add(new Finding("root-mismatch", where, "root differs from the rebuilt tree"));
      }
      try {
        Note note = Notes.open(c.note(), List.of(verifier));
        Checkpoint body = Checkpoint.parseBody(note.text());
        if (body.size() != c.size() || !Arrays.equals(body.rootHash(), root)) {
          findings.add(new Finding("note-mismatch", where, "signed note disagrees with the tree"));
        }
      } catch (LogFormatException | ProofException e) {
        findings.add(new Finding("bad-signature", where, e.getMessage()));
      }
    }
    for (long level = 0; level < 64; level++) {
      int l = (int) level;
      long count = size >> l;
      if (count == 0) {
        break;
      }
      for (long from = 0; from < count; from += PAGE) {
        int n = (int) Math.min(PAGE, count - from);
        List<byte[]> stored = repository.nodes(l, from, n);
        if (stored.size() != n) {
          findings.add(
              new Finding("node-missing", "level " + l, "stored hashes are missing near " + from));
          break;
        }
        for (int i = 0; i < n; i++) {
          if (!Arrays.equals(stored.get(i), rebuilt.get(key(l, from + i)))) {
            findings.add(
                new Finding(
                    "node-mismatch", "level " + l + " index " + (from + i), "stored hash differs"));
          }
        }
      }
    }
    return checkpoints.size();
  }

  private static byte[] requireNode(Map<Long, byte[]> nodes, int level, long index) {
    byte[] h = nodes.get(key(level, index));
    if (h == null) {
      throw new IllegalStateException("No rebuilt hash at " + level + "/" + index);
    }
    return h;
  }

  private static long key(int level, long index) {
    return ((long) level << 57) | index;
  }
}
