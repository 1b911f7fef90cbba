package org.kimberlite.shared.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing key settings.
 *
 * @param masterKey the master key that seals every private signing key: base64 of 32 random bytes
 *     ({@code KIMBERLITE_MASTER_KEY}); when blank it is read from {@code masterKeyFile}
 * @param masterKeyFile where the master key is kept when {@code masterKey} is blank; created with
 *     owner-only permissions on first start
 */
@ConfigurationProperties("kimberlite.keys")
public record KeysProperties(
    @DefaultValue("") String masterKey, @DefaultValue("data/master.key") String masterKeyFile) {

  @Override
  public String toString() {
    return "KeysProperties[masterKey="
        + (masterKey.isBlank() ? "" : "(given)")
        + ", file="
        + masterKeyFile
        + "]";
  }
}
