package org.kimberlite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.CompactRange;
import org.kimberlite.ledger.HashReader;
import org.kimberlite.ledger.Note;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.StoredHash;
import org.kimberlite.ledger.TilePath;

/**
 * A test client of the log's HTTP resources: fetches and verifies the checkpoint, reads every leaf
 * hash from the level-0 tiles, and computes roots naively (RFC 6962 section 2.1 straight), so tests
 * compare the server's tree with an independent computation.
 */
public final class LogClient {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public LogClient(String base) {
    this.base = base;
  }

  public HttpResponse<byte[]> get(String path) {
    return get(path, java.util.Map.of());
  }

  /** A GET with these request headers. */
  public HttpResponse<byte[]> get(String path, java.util.Map<String, String> headers) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      headers.forEach(b::header);
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String text(String path) {
    HttpResponse<byte[]> r = get(path);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  public NoteVerifier verifier() {
    return NoteVerifier.parse(text("/log/vkey").strip());
  }

  /** The current checkpoint, its signature verified with the served key. */
  public Checkpoint checkpoint() {
    Note note = Notes.open(text("/log/checkpoint"), List.of(verifier()));
    return Checkpoint.parseBody(note.text());
  }

  /** All leaf hashes of a tree of {@code size}, from its level-0 tiles. */
  public List<byte[]> leafHashes(long size) {
    List<byte[]> out = new ArrayList<>();
    for (long n = 0; n * 256 < size; n++) {
      int width = (int) Math.min(256, size - n * 256);
      byte[] tile = body(new TilePath(0, n, width, false).path());
      for (int i = 0; i < width; i++) {
        out.add(Arrays.copyOfRange(tile, i * 32, i * 32 + 32));
      }
    }
    return out;
  }

  public byte[] body(String tilePath) {
    HttpResponse<byte[]> r = get("/log/" + tilePath);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(tilePath + " answered " + r.statusCode());
    }
    return r.body();
  }

  /** RFC 6962 MTH of a list of leaf hashes, computed recursively by the definition. */
  public static byte[] root(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return sha(new byte[0]);
    }
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    byte[] left = root(leaves.subList(0, k));
    byte[] right = root(leaves.subList(k, leaves.size()));
    byte[] both = new byte[65];
    both[0] = 1;
    System.arraycopy(left, 0, both, 1, 32);
    System.arraycopy(right, 0, both, 33, 32);
    return sha(both);
  }

  /** An in-memory tree of the given leaf hashes, as a {@link HashReader} of its stored hashes. */
  public static HashReader memoryTree(List<byte[]> leaves) {
    java.util.Map<String, byte[]> nodes = new java.util.HashMap<>();
    HashReader reader = (level, index) -> nodes.get(level + "/" + index);
    for (int i = 0; i < leaves.size(); i++) {
      for (StoredHash h : CompactRange.appendLeaf(i, leaves.get(i), reader)) {
        nodes.put(h.level() + "/" + h.index(), h.hash());
      }
    }
    return reader;
  }

  public static byte[] sha(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
