package org.kimberlite.custody.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Opaque page tokens: the position after which the next page starts, bound to the caller's
 * organisation and the query's filters by an HMAC under a key made at start-up. A token altered,
 * used by another organisation or with other filters is refused; tokens end with the process.
 */
@Component
public class PageTokens {
  private static final int MAC_BYTES = 16;
  private final byte[] key = new byte[32];

  public PageTokens() {
    new SecureRandom().nextBytes(key);
  }

  public String issue(UUID organisation, String fingerprint, long afterSeq) {
    ByteBuffer out = ByteBuffer.allocate(Long.BYTES + MAC_BYTES);
    out.putLong(afterSeq);
    out.put(mac(organisation, fingerprint, afterSeq));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
  }

  /** The position a token stands for, or empty when it is not one of ours for this query. */
  public OptionalLong read(UUID organisation, String fingerprint, String token) {
    if (token.length() > 64) {
      return OptionalLong.empty();
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    if (raw.length != Long.BYTES + MAC_BYTES) {
      return OptionalLong.empty();
    }
    long afterSeq = ByteBuffer.wrap(raw).getLong();
    byte[] given = Arrays.copyOfRange(raw, Long.BYTES, raw.length);
    if (!MessageDigest.isEqual(given, mac(organisation, fingerprint, afterSeq)) || afterSeq < 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(afterSeq);
  }

  private byte[] mac(UUID organisation, String fingerprint, long afterSeq) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(organisation.toString().getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(fingerprint.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(ByteBuffer.allocate(Long.BYTES).putLong(afterSeq).array());
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
