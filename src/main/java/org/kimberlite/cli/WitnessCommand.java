package org.kimberlite.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.Cosigner;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.NoteSignature;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.ProofException;
import org.kimberlite.ledger.ProofVerifier;
import org.kimberlite.ledger.TileHashReader;
import org.kimberlite.ledger.TreeMath;
import org.kimberlite.shared.keys.KeysProperties;
import org.kimberlite.shared.keys.MasterKey;
import org.kimberlite.shared.keys.SealedKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A witness for another Kimberlite log (or any C2SP tlog-tiles log): follows its checkpoints,
 * checks that each one extends the last one it saw (a consistency proof built from the tiles and
 * checked against both signed roots), cosigns it ({@code cosignature/v1}) and sends the cosignature
 * back. A log that forks or shrinks is reported and never cosigned again.
 */
@Command(
    name = "witness",
    mixinStandardHelpOptions = true,
    description = "Follow a log, check it only grows, and cosign its checkpoints.")
final class WitnessCommand implements Callable<Integer> {
  static final int ALARM = 3;

  @Option(
      names = "--log-url",
      required = true,
      description = "The log's prefix, e.g. https://host/log")
  String logUrl = "";

  @Option(names = "--log-vkey", required = true, description = "The log's verifier key.")
  String logVkey = "";

  @Option(
      names = "--key-file",
      required = true,
      description = "This witness's private key; created (named by --name) when missing.")
  Path keyFile = Path.of("");

  @Option(
      names = "--master-key-file",
      description =
          "The master keyring that seals the witness key (default: $KIMBERLITE_MASTER_KEY, or"
              + " master.key beside the key file, created when missing).")
  @Nullable Path masterKeyFile;

  @Option(names = "--name", description = "This witness's name when a key is created.")
  String name = "witness.local";

  @Option(names = "--state", required = true, description = "Where the last cosigned head is kept.")
  Path state = Path.of("");

  @Option(names = "--interval", description = "Seconds between rounds (default 10).")
  long interval = 10;

  @Option(names = "--once", description = "Do one round and exit.")
  boolean once;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  @org.kimberlite.shared.SuppressForbidden(
      "the witness is a command-line loop that waits between rounds; no request thread")
  public Integer call() throws IOException, InterruptedException {
    Cosigner witness = key();
    NoteVerifier log = NoteVerifier.parse(logVkey.strip());
    System.out.println("Witness " + witness.vkey());
    while (true) {
      try {
        round(witness, log);
      } catch (ProofException | LogFormatException | IllegalArgumentException e) {
        System.out.println("ALARM: " + e.getMessage());
        return ALARM;
      } catch (IOException e) {
        System.out.println("unreachable: " + e.getMessage());
        if (once) {
          return 2;
        }
      }
      if (once) {
        return 0;
      }
      Thread.sleep(Duration.ofSeconds(interval));
    }
  }

  private void round(Cosigner witness, NoteVerifier log) throws IOException, InterruptedException {
    String note = get("/checkpoint");
    Checkpoint checkpoint = Checkpoint.open(note, log.name(), List.of(log));
    if (Files.exists(state)) {
      List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
      if (lines.size() < 2) {
        throw new IllegalArgumentException("state file " + state + " is malformed");
      }
      long oldSize = Long.parseLong(lines.get(0).strip());
      byte[] oldRoot = Base64.getDecoder().decode(lines.get(1).strip());
      if (checkpoint.size() < oldSize) {
        throw new ProofException(
            "the log shrank from " + oldSize + " to " + checkpoint.size() + " entries");
      }
      if (checkpoint.size() == oldSize) {
        if (!Arrays.equals(oldRoot, checkpoint.rootHash())) {
          throw new ProofException("two different roots for size " + oldSize + ": a fork");
        }
      } else if (oldSize > 0) {
        TileHashReader tiles = new TileHashReader(checkpoint.size(), this::tile);
        ProofVerifier.verifyConsistency(
            oldSize,
            checkpoint.size(),
            oldRoot,
            checkpoint.rootHash(),
            TreeMath.consistencyProof(oldSize, checkpoint.size(), tiles));
      }
    }
    NoteSignature cosignature =
        witness.cosign(checkpoint, java.time.Clock.systemUTC().instant().getEpochSecond());
    String answer = post("/cosignatures", Notes.addSignatures(note, List.of(cosignature)));
    Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
    Files.writeString(
        tmp,
        checkpoint.size()
            + "\n"
            + Base64.getEncoder().encodeToString(checkpoint.rootHash())
            + "\n");
    Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println(
        "cosigned "
            + checkpoint.origin()
            + " at size "
            + checkpoint.size()
            + " ("
            + answer.strip()
            + ")");
  }

  /**
   * The witness key, sealed under the master keyring in its file: made when missing; a clear key
   * file of earlier versions, or one sealed under an older master key, is re-sealed.
   */
  Cosigner key() throws IOException {
    SealedKeyFile file = new SealedKeyFile(keyFile, SEALED_HEADER, SEALED_PURPOSE);
    String env = System.getenv("KIMBERLITE_MASTER_KEY");
    Path master =
        masterKeyFile != null
            ? masterKeyFile
            : keyFile.toAbsolutePath().resolveSibling("master.key");
    MasterKey keys =
        MasterKey.load(
            new KeysProperties(masterKeyFile == null && env != null ? env : "", master.toString()));
    if (!Files.exists(keyFile)) {
      Cosigner created = Cosigner.generate(name);
      file.write(keys, created.vkey(), created.skey());
      System.out.println("Created a witness key in " + keyFile + ", sealed under the master key");
      return created;
    }
    String text = file.read();
    if (!file.isSealed(text)) {
      Cosigner clear = Cosigner.parse(text.strip());
      file.write(keys, clear.vkey(), clear.skey());
      System.out.println("Re-sealed the witness key in " + keyFile + " under the master key");
      return clear;
    }
    SealedKeyFile.Opened opened = file.open(keys, text);
    Cosigner witness = Cosigner.parse(opened.secret());
    if (!witness.vkey().equals(opened.publicName())) {
      throw new IllegalStateException("The witness key in " + keyFile + " is not the one it names");
    }
    if (opened.sealedUnder() != keys.primaryId()) {
      file.write(keys, witness.vkey(), witness.skey());
      System.out.println(
          "Re-sealed the witness key under master key " + MasterKey.hex(keys.primaryId()));
    }
    return witness;
  }

  static final String SEALED_HEADER = "kimberlite-sealed-witness-key-v1";
  static final String SEALED_PURPOSE = "ledger.witness-key";

  private byte[] tile(org.kimberlite.ledger.TilePath path) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(prefix() + "/" + path.path()))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new LogFormatException("tile " + path.path() + " answered " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new LogFormatException("tile " + path.path() + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogFormatException("interrupted", e);
    }
  }

  private String prefix() {
    return logUrl.endsWith("/") ? logUrl.substring(0, logUrl.length() - 1) : logUrl;
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(prefix() + path))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IOException(path + " answered " + r.statusCode());
    }
    return r.body();
  }

  private String post(String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(prefix() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IOException("the log refused the cosignature: " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
