package org.kimberlite.federation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.HashReader;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.ledger.TreeMath;

/**
 * A log kept in memory by a test, with its own key: its signed checkpoints at any size, the
 * consistency proofs between them, and {@code add-checkpoint} request bodies. {@link #fork} gives a
 * log with the same key that agrees up to a size and differs after it.
 */
final class TestLog {
  final NoteSigner key;
  private final List<byte[]> leaves = new ArrayList<>();
  private final String tag;

  TestLog(String origin) {
    this(NoteSigner.generate(origin), "main");
  }

  private TestLog(NoteSigner key, String tag) {
    this.key = key;
    this.tag = tag;
  }

  String origin() {
    return key.name();
  }

  NoteVerifier verifier() {
    return key.verifier();
  }

  TestLog append(int n) {
    for (int i = 0; i < n; i++) {
      leaves.add(
          Rfc6962.leafHash((tag + " entry " + leaves.size()).getBytes(StandardCharsets.UTF_8)));
    }
    return this;
  }

  /** The same key and the same first {@code size} entries, then its own. */
  TestLog fork(long size) {
    TestLog other = new TestLog(key, tag + "-fork");
    other.leaves.addAll(leaves.subList(0, (int) size));
    return other;
  }

  private final HashReader reader = (level, index) -> hash(index << level, (index + 1) << level);

  private byte[] hash(long from, long to) {
    if (to - from == 1) {
      return leaves.get((int) from);
    }
    long k = Long.highestOneBit(to - from - 1);
    return Rfc6962.nodeHash(hash(from, from + k), hash(from + k, to));
  }

  Checkpoint checkpoint(long size) {
    return new Checkpoint(origin(), size, TreeMath.rootHash(size, reader));
  }

  String note(long size) {
    return checkpoint(size).sign(key);
  }

  List<byte[]> proof(long from, long to) {
    return from == 0 || from == to ? List.of() : TreeMath.consistencyProof(from, to, reader);
  }

  String body(long old, long size) {
    return AddCheckpointRequest.format(old, proof(old, size), note(size));
  }

  AddCheckpointRequest request(long old, long size) {
    return AddCheckpointRequest.parse(body(old, size).getBytes(StandardCharsets.UTF_8));
  }
}
