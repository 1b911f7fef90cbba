package org.kimberlite.certification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.json.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compact content of a certificate's QR code: what a customs officer's phone checks offline
 * once the issuing authority's signature over it is verified. It repeats the Annex I items that
 * identify a shipment, so that a valid QR copied onto another certificate shows as a mismatch.
 *
 * <p>The JSON form ({@link #toJson()}) is RFC 8785 canonical JSON with one-letter keys, to keep the
 * QR code small: {@code n} number, {@code i} issuer (issuing participant code), {@code d} date of
 * issue, {@code e} date of expiry, {@code c} carats, {@code v} value in US dollars, {@code p}
 * parcels, {@code o} origin as printed, {@code s} seal ID and {@code l} the transparency-log index
 * (left out when there is none). Dates are ISO strings, decimals are strings with two decimals.
 *
 * @param issuer the issuing KP participant's code, e.g. "BW"
 * @param carats the total carats, held with two decimals
 * @param valueUsd the total value in US dollars, held with two decimals
 * @param origin the origin as printed on the certificate ({@link Origin#display()})
 * @param logIndex the certificate's index in the transparency log, when it has been logged
 */
public record QrPayload(
    String number,
    ParticipantCode issuer,
    LocalDate issuedOn,
    LocalDate expiresOn,
    Carats carats,
    UsdAmount valueUsd,
    int parcels,
    String origin,
    String sealId,
    @Nullable Long logIndex) {

  private static final Set<String> REQUIRED_KEYS =
      Set.of("n", "i", "d", "e", "c", "v", "p", "o", "s");
  private static final String OPTIONAL_KEY = "l";
  private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]*)\\.[0-9]{2}");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Checks every item (quantities are exact to the hundredth and never negative). */
  public QrPayload {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(expiresOn, "expiresOn");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(sealId, "sealId");
    Objects.requireNonNull(carats, "carats");
    Objects.requireNonNull(valueUsd, "valueUsd");
    if (number.isBlank()) {
      throw new IllegalArgumentException("QR payload: the certificate number is blank");
    }
    if (parcels < 0) {
      throw new IllegalArgumentException("QR payload: the number of parcels is negative");
    }
    if (logIndex != null && logIndex < 0) {
      throw new IllegalArgumentException("QR payload: the log index is negative");
    }
  }

  /** The payload of a certificate, with its transparency-log index when it has one. */
  public static QrPayload of(KpCertificate c, @Nullable Long logIndex) {
    return new QrPayload(
        c.number(),
        c.issuingParticipant(),
        c.issuedOn(),
        c.expiresOn(),
        c.carats(),
        c.valueUsd(),
        c.parcels(),
        c.origin().display(),
        c.sealId(),
        logIndex);
  }

  /** RFC 8785 canonical JSON with the short keys, in UTF-8. */
  public byte[] toJson() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("n", number);
    map.put("i", issuer.code());
    map.put("d", issuedOn.toString());
    map.put("e", expiresOn.toString());
    map.put("c", carats.value().toPlainString());
    map.put("v", valueUsd.value().toPlainString());
    map.put("p", parcels);
    map.put("o", origin);
    map.put("s", sealId);
    if (logIndex != null) {
      map.put(OPTIONAL_KEY, logIndex);
    }
    return CanonicalJson.bytes(map);
  }

  /**
   * Reads the JSON form strictly: one object with exactly the known keys (all but {@code l}
   * required), no duplicate keys, strings where strings are expected, ISO dates, decimals with
   * exactly two decimals, integers for parcels and log index.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static QrPayload fromJson(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "QR payload is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("QR payload must be a JSON object");
    }
    Set<String> unknown = new TreeSet<>(root.propertyNames());
    unknown.removeAll(REQUIRED_KEYS);
    unknown.remove(OPTIONAL_KEY);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("QR payload has unknown keys: " + unknown);
    }
    Set<String> missing = new TreeSet<>(REQUIRED_KEYS);
    missing.removeAll(root.propertyNames());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("QR payload misses keys: " + missing);
    }
    JsonNode l = root.get(OPTIONAL_KEY);
    Long logIndex = l == null ? null : integer(l, OPTIONAL_KEY, "log index");
    long parcels = integer(root.get("p"), "p", "parcels");
    if (parcels > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("QR payload key \"p\" (parcels) is too large: " + parcels);
    }
    return new QrPayload(
        text(root, "n"),
        ParticipantCode.of(text(root, "i")),
        date(root, "d"),
        date(root, "e"),
        Carats.of(decimal(root, "c")),
        UsdAmount.of(decimal(root, "v")),
        (int) parcels,
        text(root, "o"),
        text(root, "s"),
        logIndex);
  }

  /** {@link #fromJson(byte[])} of a UTF-8 string. */
  public static QrPayload fromJson(String json) {
    return fromJson(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The names of the payload's items (record component names: {@code number}, {@code issuer},
   * {@code issuedOn}, {@code expiresOn}, {@code carats}, {@code valueUsd}, {@code parcels}, {@code
   * origin}, {@code sealId}) that do not match the certificate; empty when the payload belongs to
   * it. The log index is not an item of the certificate and is not compared.
   */
  public List<String> differencesFrom(KpCertificate c) {
    QrPayload expected = of(c, logIndex);
    List<String> differences = new ArrayList<>();
    if (!number.equals(expected.number)) {
      differences.add("number");
    }
    if (!issuer.equals(expected.issuer)) {
      differences.add("issuer");
    }
    if (!issuedOn.equals(expected.issuedOn)) {
      differences.add("issuedOn");
    }
    if (!expiresOn.equals(expected.expiresOn)) {
      differences.add("expiresOn");
    }
    if (carats.compareTo(expected.carats) != 0) {
      differences.add("carats");
    }
    if (valueUsd.compareTo(expected.valueUsd) != 0) {
      differences.add("valueUsd");
    }
    if (parcels != expected.parcels) {
      differences.add("parcels");
    }
    if (!origin.equals(expected.origin)) {
      differences.add("origin");
    }
    if (!sealId.equals(expected.sealId)) {
      differences.add("sealId");
    }
    return List.copyOf(differences);
  }

  private static String text(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (!node.isString()) {
      throw new IllegalArgumentException(
          "QR payload key \"" + key + "\" must be a string, not " + node.getNodeType());
    }
    // A lone surrogate (a "\ud800" escape) would be read but could never be written back.
    if (node.stringValue()
        .codePoints()
        .anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
      throw new IllegalArgumentException(
          "QR payload key \"" + key + "\" holds an unpaired surrogate");
    }
    return node.stringValue();
  }

  private static LocalDate date(JsonNode root, String key) {
    String value = text(root, key);
    if (!DATE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "QR payload key \"" + key + "\" is not a date yyyy-mm-dd: \"" + value + "\"");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "QR payload key \"" + key + "\" is not a valid date: \"" + value + "\"", e);
    }
  }

  private static BigDecimal decimal(JsonNode root, String key) {
    String value = text(root, key);
    if (!DECIMAL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "QR payload key \""
              + key
              + "\" is not a decimal with two decimals such as \"1250.40\": \""
              + value
              + "\"");
    }
    return new BigDecimal(value);
  }

  private static long integer(JsonNode node, String key, String what) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException(
          "QR payload key \"" + key + "\" (" + what + ") must be an integer, not " + node);
    }
    long value = node.longValue();
    if (value < 0 || value > MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException(
          "QR payload key \"" + key + "\" (" + what + ") is out of range: " + value);
    }
    return value;
  }
}
