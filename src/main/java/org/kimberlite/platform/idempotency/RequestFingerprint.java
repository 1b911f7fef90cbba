package org.kimberlite.platform.idempotency;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Policy;

/**
 * What makes two requests "the same request" for an {@code Idempotency-Key}, and which keys are
 * acceptable. The fingerprint is SHA-256 over the method, the path, the query string and the body,
 * each length-prefixed so that no two different requests share an encoding. A body is compared byte
 * for byte: a retry must send the same bytes (a client that re-serialises JSON with other spacing
 * sends another request). A form's body is its parameters sorted by name, without the CSRF token
 * (which a browser's page masks afresh every time it is shown).
 */
@Policy
public final class RequestFingerprint {
  /** The longest key accepted, in characters. */
  public static final int MAX_KEY = 255;

  /** The form parameter that carries the CSRF token, left out of a form's fingerprint. */
  public static final String CSRF_PARAMETER = "_csrf";

  private RequestFingerprint() {}

  /** The fingerprint as 64 lower-case hex digits. */
  public static String of(String method, String path, @Nullable String query, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      field(sha, method.getBytes(StandardCharsets.US_ASCII));
      field(sha, path.getBytes(StandardCharsets.UTF_8));
      field(sha, query == null ? new byte[0] : query.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) (query == null ? 0 : 1));
      field(sha, body);
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void field(MessageDigest sha, byte[] bytes) {
    sha.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
    sha.update(bytes);
  }

  /**
   * A form's parameters as the bytes to fingerprint: names in order, each value in the order sent,
   * every name and value length-prefixed; the CSRF token left out.
   */
  public static byte[] formBody(Map<String, String[]> parameters) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String[]> p : new TreeMap<>(parameters).entrySet()) {
      if (p.getKey().equals(CSRF_PARAMETER)) {
        continue;
      }
      write(out, p.getKey());
      out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(p.getValue().length).array());
      for (String value : p.getValue()) {
        write(out, value);
      }
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  /**
   * The key an {@code Idempotency-Key} header carries, or empty when it is not acceptable. The
   * draft's form is a structured-field string ({@code "…"}); the bare form is accepted too. A key
   * is 1 to {@value #MAX_KEY} printable ASCII characters, no quote or backslash, not all spaces.
   */
  public static Optional<String> key(String header) {
    String key = header.strip();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (key.isBlank() || key.length() > MAX_KEY) {
      return Optional.empty();
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return Optional.empty();
      }
    }
    return Optional.of(key);
  }
}
