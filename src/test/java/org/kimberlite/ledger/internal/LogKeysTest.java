package org.kimberlite.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.ledger.LedgerProperties;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.shared.keys.KeysProperties;
import org.kimberlite.shared.keys.MasterKeys;

/**
 * The log key at rest: sealed under the master key, and a clear key of earlier versions re-sealed.
 */
class LogKeysTest {
  static final String ORIGIN = "kimberlite.test/log";

  static LedgerProperties ledger(Path keyFile) {
    return new LedgerProperties(
        ORIGIN, "", keyFile.toString(), Duration.ofMillis(200), 2000, true, List.of());
  }

  static KeysProperties master(byte fill) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, fill);
    return new KeysProperties(Base64.getEncoder().encodeToString(key), "unused");
  }

  @Test
  void aNewLogKeyIsStoredSealedOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data/log.key");
    LogKeys first = new LogKeys(ledger(file), new MasterKeys(master((byte) 1)));
    String text = Files.readString(file);
    assertThat(text).startsWith(LogKeys.HEADER + "\n" + first.signer().vkey() + "\n");
    assertThat(text).doesNotContain("PRIVATE+KEY");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    LogKeys again = new LogKeys(ledger(file), new MasterKeys(master((byte) 1)));
    assertThat(again.signer().skey()).isEqualTo(first.signer().skey());
    assertThatThrownBy(() -> new LogKeys(ledger(file), new MasterKeys(master((byte) 2))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void aClearLogKeyOfAnEarlierVersionIsResealedOnStart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.key");
    NoteSigner old = NoteSigner.generate(ORIGIN);
    Files.writeString(file, old.skey() + "\n");

    LogKeys keys = new LogKeys(ledger(file), new MasterKeys(master((byte) 3)));

    assertThat(keys.signer().skey()).isEqualTo(old.skey());
    String text = Files.readString(file);
    assertThat(text).startsWith(LogKeys.HEADER).doesNotContain(old.skey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(new LogKeys(ledger(file), new MasterKeys(master((byte) 3))).signer().skey())
        .isEqualTo(old.skey());
  }

  @Test
  void aSealedKeyOpensOnlyAsTheKeyItNames(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.key");
    new LogKeys(ledger(file), new MasterKeys(master((byte) 4)));
    List<String> lines = Files.readAllLines(file);
    String otherVkey = NoteSigner.generate(ORIGIN).vkey();
    Files.writeString(file, lines.get(0) + "\n" + otherVkey + "\n" + lines.get(2) + "\n");
    assertThatThrownBy(() -> new LogKeys(ledger(file), new MasterKeys(master((byte) 4))))
        .isInstanceOf(IllegalStateException.class);
    Files.writeString(file, "something else\n");
    assertThatThrownBy(() -> new LogKeys(ledger(file), new MasterKeys(master((byte) 4))))
        .isInstanceOf(IllegalStateException.class);
  }
}
