package org.kimberlite.shared.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Master key settings.
 *
 * @param masterKey the master keyring that seals every private key: base64 of 32 random bytes,
 *     several separated by commas, the first sealing ({@code KIMBERLITE_MASTER_KEY}); when blank it
 *     is read from {@code masterKeyFile}
 * @param masterKeyFile where the master keyring is kept when {@code masterKey} is blank; created
 *     with owner-only permissions on first start, re-read while the server runs
 * @param resealInterval how often a running server re-reads the keyring and re-seals, under its
 *     first key, the secrets still sealed under another
 * @param resealBatch most secrets re-sealed in one step
 */
@ConfigurationProperties("kimberlite.keys")
public record KeysProperties(
    @DefaultValue("") String masterKey,
    @DefaultValue("data/master.key") String masterKeyFile,
    @DefaultValue("5s") Duration resealInterval,
    @DefaultValue("100") int resealBatch) {

  @ConstructorBinding
  public KeysProperties {
    if (resealInterval.isNegative() || resealInterval.isZero()) {
      throw new IllegalArgumentException("kimberlite.keys.reseal-interval must be positive");
    }
    if (resealBatch < 1 || resealBatch > 10_000) {
      throw new IllegalArgumentException("kimberlite.keys.reseal-batch must be 1 to 10000");
    }
  }

  /** The keyring given or kept in a file, with the default re-sealing pace. */
  public KeysProperties(String masterKey, String masterKeyFile) {
    this(masterKey, masterKeyFile, Duration.ofSeconds(5), 100);
  }

  @Override
  public String toString() {
    return "KeysProperties[masterKey="
        + (masterKey.isBlank() ? "" : "(given)")
        + ", file="
        + masterKeyFile
        + "]";
  }
}
