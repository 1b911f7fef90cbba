package org.kimberlite.ledger;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strict encodings shared by the parsers of this package. Every failure is a LogFormatException.
 */
final class Codec {
  static final int HASH_SIZE = 32;

  private Codec() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Canonical standard base64 (RFC 4648 section 4, with padding): anything else is refused. */
  static byte[] base64(String s, String what) {
    byte[] out;
    try {
      out = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new LogFormatException(what + " is not valid base64", e);
    }
    if (!Base64.getEncoder().encodeToString(out).equals(s)) {
      throw new LogFormatException(what + " is not canonical padded base64");
    }
    return out;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A 32-byte hash in canonical base64. */
  static byte[] base64Hash(String s, String what) {
    byte[] h = base64(s, what);
    if (h.length != HASH_SIZE) {
      throw new LogFormatException(what + " must be 32 bytes, got " + h.length);
    }
    return h;
  }

  /**
   * A non-negative decimal that fits in a signed 64-bit integer, ASCII digits only, no sign, no
   * leading zeros (except "0" itself).
   */
  static long decimal(String s, String what) {
    if (s.isEmpty()) {
      throw new LogFormatException(what + " is empty");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new LogFormatException(what + " is not a decimal number: " + quote(s));
      }
    }
    if (s.length() > 1 && s.charAt(0) == '0') {
      throw new LogFormatException(what + " has a leading zero: " + quote(s));
    }
    if (s.length() > 19) {
      throw new LogFormatException(what + " is too large: " + quote(s));
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new LogFormatException(what + " is too large: " + quote(s), e);
    }
  }

  /** Exactly eight lowercase hexadecimal digits. */
  static int hex8(String s, String what) {
    if (s.length() != 8) {
      throw new LogFormatException(what + " must be 8 lowercase hex digits");
    }
    for (int i = 0; i < 8; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        throw new LogFormatException(what + " must be 8 lowercase hex digits");
      }
    }
    return Integer.parseUnsignedInt(s, 16);
  }

  static String hex8(int v) {
    return String.format(java.util.Locale.ROOT, "%08x", v);
  }

  /**
   * Whether {@code name} is a valid signed-note key name: non-empty, well-formed Unicode, no
   * Unicode space, no control character, no '+'.
   */
  static boolean isValidKeyName(String name) {
    if (name.isEmpty() || !isWellFormed(name)) {
      return false;
    }
    return name.codePoints()
        .noneMatch(
            cp ->
                cp == '+'
                    || Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || Character.isISOControl(cp));
  }

  static String requireKeyName(String name) {
    if (!isValidKeyName(name)) {
      throw new IllegalArgumentException(
          "key name must be non-empty and contain no space, control character or '+': "
              + quote(name));
    }
    return name;
  }

  /** No unpaired surrogates, so that the string has a UTF-8 encoding. */
  static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Strict UTF-8 decoding: malformed or unmappable input is refused. */
  static String utf8(byte[] bytes, String what) {
    return org.kimberlite.shared.Utf8.decode(bytes)
        .orElseThrow(() -> new LogFormatException(what + " is not valid UTF-8"));
  }

  /** UTF-8 encoding of a well-formed string (checked, never replaced). */
  static byte[] utf8(String s) {
    try {
      ByteBuffer b =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(s));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new LogFormatException("text is not well-formed Unicode", e);
    }
  }

  /**
   * Signed-note key ID: the first four bytes, big-endian, of SHA-256(name || 0x0A || type || key).
   */
  static int keyId(String name, byte type, byte[] key) {
    MessageDigest md = sha256();
    md.update(utf8(name));
    md.update((byte) 0x0A);
    md.update(type);
    md.update(key);
    return ByteBuffer.wrap(md.digest()).getInt();
  }

  static String quote(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    StringBuilder b = new StringBuilder("\"");
    cut.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format(java.util.Locale.ROOT, "\\x%02x", cp));
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.append('"').toString();
  }
}
