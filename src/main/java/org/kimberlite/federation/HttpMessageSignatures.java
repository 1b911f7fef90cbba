package org.kimberlite.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Ed25519;

/**
 * HTTP message signatures (RFC 9421) as nodes sign their requests to each other: one signature
 * labelled {@value #LABEL}, algorithm {@code ed25519} (RFC 9421 section 3.3.6), covering {@code
 * "@method"}, {@code "@target-uri"} and {@code "content-digest"} (RFC 9530, {@code sha-256}), with
 * the parameters {@code created}, {@code keyid} and {@code alg}. The signature base is built by RFC
 * 9421 section 2.5 for any components, so the RFC's own examples can be checked with it.
 */
public final class HttpMessageSignatures {
  /** The label of the one signature a node's request carries. */
  public static final String LABEL = "sig1";

  /** The components every delivery signature covers, in this order. */
  public static final List<String> COVERED = List.of("@method", "@target-uri", "content-digest");

  /** The algorithm name of RFC 9421 section 3.3.6. */
  public static final String ALG = "ed25519";

  private static final int MAX_HEADER = 4096;
  private static final Pattern INPUT =
      Pattern.compile(
          "([a-z*][a-z0-9_.*-]{0,63})=\\(((?:\"[a-z0-9@_.-]{1,64}\")(?: \"[a-z0-9@_.-]{1,64}\")*)?\\)"
              + "((?:;[a-z*][a-z0-9_.*-]{0,63}=(?:\"[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e]*\"|-?[0-9]{1,15}))*)");
  private static final Pattern PARAM =
      Pattern.compile(
          ";([a-z*][a-z0-9_.*-]{0,63})=(\"[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e]*\"|-?[0-9]{1,15})");
  private static final Pattern SIGNATURE =
      Pattern.compile("([a-z*][a-z0-9_.*-]{0,63})=:([A-Za-z0-9+/]{1,200}={0,2}):");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private static final Pattern DIGEST = Pattern.compile("sha-256=:([A-Za-z0-9+/]{43}=):");

  private HttpMessageSignatures() {}

  /** The headers of a signed request. */
  public record Signed(String signatureInput, String signature, String contentDigest) {}

  /** A parsed signature: its covered components, parameters and bytes; not yet verified. */
  public record Parsed(
      String params,
      List<String> components,
      long created,
      String keyid,
      @Nullable String alg,
      byte[] signature) {
    public Parsed {
      components = List.copyOf(components);
      signature = signature.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }
  }

  /** Raised when a signature or digest is refused. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    public Refused(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** Why a signed request is refused. */
  public enum Reason {
    /** A header is missing or not of the form written here. */
    MALFORMED,
    /** Content-Digest is not the SHA-256 of the body. */
    DIGEST_MISMATCH,
    /** The signature was made too far from now. */
    STALE,
    /** The signature does not verify with the key named. */
    BAD_SIGNATURE
  }

  /** {@code sha-256=:<base64>:}, the RFC 9530 Content-Digest of {@code body}. */
  public static String contentDigest(byte[] body) {
    try {
      return "sha-256=:"
          + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body))
          + ":";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The value of {@code @signature-params} (RFC 9421 section 2.3): the inner list of components and
   * the parameters {@code created}, {@code keyid} and (when given) {@code alg}, in that order.
   */
  public static String signatureParams(
      List<String> components, long created, String keyid, @Nullable String alg) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < components.size(); i++) {
      b.append(i == 0 ? "" : " ").append('"').append(components.get(i)).append('"');
    }
    b.append(");created=").append(created).append(";keyid=\"").append(keyid).append('"');
    if (alg != null) {
      b.append(";alg=\"").append(alg).append('"');
    }
    return b.toString();
  }

  /**
   * The signature base (RFC 9421 section 2.5): one line {@code "<name>": <value>} per component, in
   * order, then the {@code "@signature-params"} line, without a final newline.
   */
  public static String signatureBase(Map<String, String> componentValues, String params) {
    StringBuilder b = new StringBuilder();
    componentValues.forEach(
        (name, value) -> b.append('"').append(name).append("\": ").append(value).append('\n'));
    return b.append("\"@signature-params\": ").append(params).toString();
  }

  /** Signs a request: {@code signer} gets the signature base and returns its Ed25519 signature. */
  public static Signed sign(
      String method,
      String targetUri,
      byte[] body,
      Instant created,
      String keyid,
      UnaryOperator<byte[]> signer) {
    String digest = contentDigest(body);
    String params = signatureParams(COVERED, created.getEpochSecond(), keyid, ALG);
    String base = signatureBase(values(method, targetUri, digest), params);
    byte[] signature = signer.apply(base.getBytes(StandardCharsets.UTF_8));
    return new Signed(
        LABEL + "=" + params,
        LABEL + "=:" + Base64.getEncoder().encodeToString(signature) + ":",
        digest);
  }

  /**
   * Reads the {@code Signature-Input} and {@code Signature} headers: one signature, labelled alike,
   * with {@code created} and {@code keyid}.
   *
   * @throws Refused MALFORMED
   */
  public static Parsed parse(@Nullable String signatureInput, @Nullable String signature) {
    if (signatureInput == null
        || signature == null
        || signatureInput.length() > MAX_HEADER
        || signature.length() > MAX_HEADER) {
      throw new Refused(Reason.MALFORMED, "Signature-Input and Signature are required");
    }
    Matcher in = INPUT.matcher(signatureInput.strip());
    Matcher sig = SIGNATURE.matcher(signature.strip());
    if (!in.matches() || !sig.matches() || !in.group(1).equals(sig.group(1))) {
      throw new Refused(
          Reason.MALFORMED,
          "Signature-Input and Signature must hold one signature, labelled alike");
    }
    List<String> components = new ArrayList<>();
    if (in.group(2) != null) {
      Matcher c = QUOTED.matcher(in.group(2));
      while (c.find()) {
        components.add(c.group(1));
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    Matcher p = PARAM.matcher(in.group(3));
    while (p.find()) {
      if (params.put(p.group(1), p.group(2)) != null) {
        throw new Refused(Reason.MALFORMED, "A signature parameter is given twice");
      }
    }
    String created = params.get("created");
    String keyid = params.get("keyid");
    String alg = params.get("alg");
    if (created == null || created.startsWith("\"") || keyid == null || !keyid.startsWith("\"")) {
      throw new Refused(Reason.MALFORMED, "The signature must name its created time and keyid");
    }
    if (alg != null && !alg.startsWith("\"")) {
      throw new Refused(Reason.MALFORMED, "alg must be a string");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sig.group(2));
    } catch (IllegalArgumentException e) {
      throw new Refused(Reason.MALFORMED, "The signature is not base64");
    }
    return new Parsed(
        signatureInput.strip().substring(in.group(1).length() + 1),
        components,
        Long.parseLong(created),
        unquote(keyid),
        alg == null ? null : unquote(alg),
        bytes);
  }

  /**
   * Verifies a delivery request: the signature covers {@link #COVERED} with {@code alg} ed25519,
   * was created within {@code maxSkew} of {@code now}, its {@code Content-Digest} is the body's,
   * and the signature verifies with {@code publicKey}.
   *
   * @throws Refused with the reason
   */
  public static void verify(
      Parsed parsed,
      String method,
      String targetUri,
      @Nullable String contentDigest,
      byte[] body,
      byte[] publicKey,
      Instant now,
      Duration maxSkew) {
    if (!parsed.components().containsAll(COVERED) || !ALG.equals(parsed.alg())) {
      throw new Refused(
          Reason.MALFORMED,
          "The signature must cover @method, @target-uri and content-digest with alg ed25519");
    }
    if (contentDigest == null || !DIGEST.matcher(contentDigest.strip()).matches()) {
      throw new Refused(Reason.MALFORMED, "Content-Digest must be sha-256=:<base64>:");
    }
    if (!MessageDigest.isEqual(
        contentDigest(body).getBytes(StandardCharsets.US_ASCII),
        contentDigest.strip().getBytes(StandardCharsets.US_ASCII))) {
      throw new Refused(Reason.DIGEST_MISMATCH, "Content-Digest is not the digest of the body");
    }
    Instant created = Instant.ofEpochSecond(parsed.created());
    if (Duration.between(created, now).abs().compareTo(maxSkew) > 0) {
      throw new Refused(
          Reason.STALE, "The signature was created at " + created + ", too far from now");
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> known = values(method, targetUri, contentDigest.strip());
    for (String c : parsed.components()) {
      String v = known.get(c);
      if (v == null) {
        throw new Refused(Reason.MALFORMED, "The component " + c + " is not accepted");
      }
      if (values.containsKey(c)) {
        throw new Refused(Reason.MALFORMED, "The component " + c + " is covered twice");
      }
      values.put(c, v);
    }
    byte[] base = signatureBase(values, parsed.params()).getBytes(StandardCharsets.UTF_8);
    if (!Ed25519.verify(publicKey, base, parsed.signature())) {
      throw new Refused(
          Reason.BAD_SIGNATURE, "The signature does not verify with key " + parsed.keyid());
    }
  }

  private static Map<String, String> values(String method, String targetUri, String digest) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("@method", method.toUpperCase(java.util.Locale.ROOT));
    v.put("@target-uri", targetUri);
    v.put("content-digest", digest);
    return v;
  }

  private static String unquote(String quoted) {
    return quoted.substring(1, quoted.length() - 1);
  }
}
