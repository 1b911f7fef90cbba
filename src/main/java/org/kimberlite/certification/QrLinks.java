package org.kimberlite.certification;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The link a certificate's QR code carries: {@code <publicUrl>/verify/<number>?p=<jws>}, where the
 * JWS (compact serialisation, typ {@code kp-qr+jws}) signs the {@link QrPayload}. A phone with no
 * Kimberlite app opens the verification page; a verifier app reads the JWS out of it and checks it
 * offline. The JWS alphabet (base64url and dots) needs no escaping in a query.
 */
public final class QrLinks {

  /** A scanned link taken apart; nothing in it is verified yet. */
  public record ParsedLink(String number, String jws) {}

  private static final Pattern JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final String VERIFY = "/verify/";
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  private QrLinks() {}

  /**
   * The verification link of a certificate.
   *
   * @param publicUrl the site's public base URL (http or https, trailing slash optional)
   * @param number the certificate number, percent-encoded as one path segment
   * @param jws the signed QR payload in JWS compact serialisation
   */
  public static String url(String publicUrl, String number, String jws) {
    String base = publicUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI uri = uri(base);
    if (!isHttp(uri) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "Public URL must be an http(s) URL without query or fragment: " + publicUrl);
    }
    if (number.isBlank()) {
      throw new IllegalArgumentException("Certificate number is blank");
    }
    requireJws(jws);
    return base + VERIFY + encodeSegment(number) + "?p=" + jws;
  }

  /**
   * Takes a scanned QR content apart: the link form {@code http(s)://host[/path]/verify/<number>?
   * p=<jws>}, or a bare JWS, whose certificate number is then read from its (unverified) payload.
   *
   * @throws IllegalArgumentException when the content is neither
   */
  public static ParsedLink parse(String scanned) {
    String content = scanned.strip();
    if (JWS.matcher(content).matches()) {
      return new ParsedLink(numberInPayload(content), content);
    }
    URI uri;
    try {
      uri = new URI(content);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a Kimberlite verification link nor a JWS", e);
    }
    if (!isHttp(uri)) {
      throw new IllegalArgumentException("Not a Kimberlite verification link nor a JWS");
    }
    String path = uri.getRawPath();
    int at = path == null ? -1 : path.lastIndexOf(VERIFY);
    if (at < 0) {
      throw new IllegalArgumentException("Link has no /verify/<number> path: " + content);
    }
    String segment = path.substring(at + VERIFY.length());
    if (segment.isEmpty() || segment.contains("/")) {
      throw new IllegalArgumentException("Link has no certificate number after /verify/");
    }
    String number = decodeSegment(segment);
    if (number.isBlank()) {
      throw new IllegalArgumentException("Link has a blank certificate number");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("Link must not have a fragment");
    }
    String query = uri.getRawQuery();
    if (query == null || !query.startsWith("p=") || query.contains("&")) {
      throw new IllegalArgumentException("Link must have exactly one query parameter p=<jws>");
    }
    String jws = query.substring(2);
    requireJws(jws);
    return new ParsedLink(number, jws);
  }

  private static String numberInPayload(String jws) {
    String payload = jws.substring(jws.indexOf('.') + 1, jws.lastIndexOf('.'));
    byte[] json;
    try {
      json = Base64.getUrlDecoder().decode(payload);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("JWS payload is not base64url", e);
    }
    return QrPayload.fromJson(json).number();
  }

  private static void requireJws(String jws) {
    if (!JWS.matcher(jws).matches()) {
      throw new IllegalArgumentException(
          "Not a JWS in compact serialisation (three base64url parts separated by dots)");
    }
  }

  private static URI uri(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a URL: " + url, e);
    }
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme();
    return scheme != null
        && (scheme.toLowerCase(Locale.ROOT).equals("https")
            || scheme.toLowerCase(Locale.ROOT).equals("http"))
        && uri.getRawAuthority() != null
        && !uri.getRawAuthority().isEmpty();
  }

  private static String encodeSegment(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }

  private static String decodeSegment(String segment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw new IllegalArgumentException("Bad percent-encoding in certificate number");
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("Bad percent-encoding in certificate number");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException("Unescaped non-ASCII character in link");
      }
    }
    String decoded;
    try {
      decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("Certificate number in link is not UTF-8", e);
    }
    for (int i = 0; i < decoded.length(); i++) {
      if (Character.isISOControl(decoded.charAt(i))) {
        throw new IllegalArgumentException("Control character in certificate number");
      }
    }
    return decoded;
  }
}
