package org.kimberlite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.CosignatureVerifier;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.ProofException;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Verifies offline that an entry is in the log: the proof's checkpoint is signed by the given log
 * key, and the entry's leaf hash is included in that checkpoint's tree. With {@code --record} and
 * {@code --salt} it also checks that the entry commits to that record; with {@code --witness} (and
 * {@code --witnesses-required K}) it requires valid cosignatures of K of those witnesses.
 */
@Command(
    name = "verify-proof",
    mixinStandardHelpOptions = true,
    description = "Verify a C2SP tlog-proof for a log entry, offline.")
final class VerifyProofCommand implements Callable<Integer> {
  @Option(
      names = "--vkey",
      required = true,
      description = "The log's verifier key (as served at /log/vkey), or a file holding it.")
  String vkey = "";

  @Option(names = "--origin", description = "Expected log origin (default: the key's name).")
  @Nullable String origin;

  @Option(names = "--record", description = "A file with the record (canonical JSON) to check.")
  @Nullable Path record;

  @Option(names = "--salt", description = "The record's salt, base64.")
  @Nullable String salt;

  @Option(
      names = "--witness",
      paramLabel = "VKEY",
      description =
          "A witness's cosignature verifier key (or a file holding it) whose cosignature counts;"
              + " repeatable.")
  List<String> witnesses = new ArrayList<>();

  @Option(
      names = "--witnesses-required",
      paramLabel = "K",
      description =
          "How many of the --witness keys must have cosigned the proof's checkpoint (default: all"
              + " given).")
  @Nullable Integer witnessesRequired;

  @Parameters(index = "0", paramLabel = "PROOF", description = "The .tlog-proof file.")
  Path proofFile = Path.of("");

  @Parameters(index = "1", paramLabel = "ENTRY", description = "The log entry (its exact bytes).")
  Path entryFile = Path.of("");

  @Override
  public Integer call() {
    try {
      NoteVerifier key = NoteVerifier.parse(readKey(vkey));
      TlogProof proof = TlogProof.parse(Files.readString(proofFile, StandardCharsets.UTF_8));
      byte[] entry = Files.readAllBytes(entryFile);
      String expectedOrigin = origin == null ? key.name() : origin;
      List<CosignatureVerifier> cosigners = new ArrayList<>();
      for (String w : witnesses) {
        cosigners.add(CosignatureVerifier.parse(readKey(w)));
      }
      int quorum = witnessesRequired == null ? cosigners.size() : witnessesRequired;
      if (quorum < 0 || quorum > cosigners.size()) {
        throw new IllegalArgumentException(
            "--witnesses-required must be from 0 to the number of --witness keys ("
                + cosigners.size()
                + ")");
      }
      Checkpoint checkpoint =
          TlogProof.verify(
              proof, Rfc6962.leafHash(entry), expectedOrigin, List.of(key), cosigners, quorum);
      if (record != null || salt != null) {
        checkRecord(entry);
      }
      System.out.println(
          "OK: entry "
              + proof.index()
              + " is in "
              + checkpoint.origin()
              + " at tree size "
              + checkpoint.size()
              + " (root "
              + HexFormat.of().formatHex(checkpoint.rootHash())
              + ")");
      System.out.println("    entry: " + new String(entry, StandardCharsets.UTF_8));
      if (quorum > 0) {
        System.out.println(
            "OK: cosigned by at least " + quorum + " of " + cosigners.size() + " witnesses");
      }
      return 0;
    } catch (ProofException | LogFormatException | IllegalArgumentException e) {
      System.out.println("FAILED: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      System.err.println("Cannot read: " + e.getMessage());
      return 2;
    }
  }

  private void checkRecord(byte[] entry) throws IOException {
    if (record == null || salt == null) {
      throw new IllegalArgumentException("--record and --salt go together");
    }
    String text = new String(entry, StandardCharsets.UTF_8);
    int at = text.indexOf("\"digest\":\"");
    if (at < 0) {
      throw new ProofException("the entry carries no digest");
    }
    int start = at + "\"digest\":\"".length();
    String committed = text.substring(start, text.indexOf('"', start));
    String computed =
        TransparencyLog.digest(
            Base64.getDecoder().decode(salt.strip()),
            Files.readString(record, StandardCharsets.UTF_8).strip());
    if (!computed.equals(committed)) {
      throw new ProofException(
          "the record and salt give " + computed + " but the entry commits to " + committed);
    }
    System.out.println("OK: the entry commits to the record (" + committed + ")");
  }

  private static String readKey(String value) throws IOException {
    Path path = Path.of(value);
    if (Files.isRegularFile(path)) {
      return Files.readString(path, StandardCharsets.UTF_8).strip();
    }
    return value.strip();
  }
}
