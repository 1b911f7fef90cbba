package org.kimberlite.bench;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kimberlite.ledger.CompactRange;
import org.kimberlite.ledger.HashReader;
import org.kimberlite.ledger.ProofVerifier;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.ledger.StoredHash;
import org.kimberlite.ledger.TreeMath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building and verifying an inclusion proof from stored subtree hashes (in memory here, so the
 * figure is the algorithm's, not the database's), in trees of 2^16 and 2^20 leaves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class InclusionProofBenchmark {
  @Param({"65536", "1048576"})
  public int size;

  private final Map<Long, byte[]> nodes = new HashMap<>();
  private final HashReader reader = (level, index) -> nodes.get(key(level, index));
  private byte[] root = new byte[0];
  private long next;

  private static long key(int level, long index) {
    return ((long) level << 56) | index;
  }

  @Setup(Level.Trial)
  public void tree() {
    nodes.clear();
    for (long i = 0; i < size; i++) {
      byte[] leaf = Rfc6962.leafHash(ByteBuffer.allocate(8).putLong(i).array());
      List<StoredHash> added = CompactRange.appendLeaf(i, leaf, reader);
      for (StoredHash h : added) {
        nodes.put(key(h.level(), h.index()), h.hash());
      }
    }
    root = TreeMath.rootHash(size, reader);
  }

  private long index() {
    next = (next * 6364136223846793005L + 1442695040888963407L);
    return Math.floorMod(next >>> 17, size);
  }

  @Benchmark
  public List<byte[]> build() {
    return TreeMath.inclusionProof(index(), size, reader);
  }

  @Benchmark
  public boolean buildAndVerify() {
    long i = index();
    List<byte[]> proof = TreeMath.inclusionProof(i, size, reader);
    ProofVerifier.verifyInclusion(reader.hash(0, i), i, size, proof, root);
    return true;
  }
}
