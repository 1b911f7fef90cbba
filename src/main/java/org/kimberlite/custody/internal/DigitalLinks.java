package org.kimberlite.custody.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an identifier that carries a GS1 key — an EPC URI, EPC class URI, EPC pattern URI or a GS1
 * Digital Link URI on any host — into the constrained canonical Digital Link form that the CBV 2.0
 * event hash uses: host {@code id.gs1.org}, numeric application identifiers, the finest level of
 * identification only (a serial wins over a lot), no CPV, no query string. Anything else is not a
 * GS1 key and gives an empty answer.
 */
public final class DigitalLinks {
  private DigitalLinks() {}

  /** One character of a GS1 AI-encodable string as EPC URIs write it (escaped or plain). */
  private static final String CHAR =
      "(?:%2[125-9A-Fa-f]|%3[0-9A-Fa-f]|%4[1-9A-Fa-f]|%5[0-9AaFf]|%6[1-9A-Fa-f]|%7[0-9Aa]"
          + "|[!')(*+,.0-9:;=A-Za-z_-])";

  /** One character of a component/part reference (CPI). */
  private static final String CPI_CHAR = "(?:%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-])";

  /** A company prefix of 6 to 12 digits, a dot, and a reference making {@code total} digits. */
  private static String prefixed(int total) {
    StringBuilder out = new StringBuilder("(?:");
    for (int k = 6; k <= 12; k++) {
      if (k > 6) {
        out.append('|');
      }
      out.append("\\d{").append(k).append("}\\.\\d{").append(total - k).append('}');
    }
    return out.append(')').toString();
  }

  /** A company prefix of 6 to 12 digits, a dot, and up to {@code total - prefix} characters. */
  private static String prefixedText(String ch, int total) {
    StringBuilder out = new StringBuilder("(?:");
    for (int k = 6; k <= 12; k++) {
      if (k > 6) {
        out.append('|');
      }
      out.append("\\d{").append(k).append("}\\.").append(ch).append("{1,").append(total - k);
      out.append('}');
    }
    return out.append(')').toString();
  }

  private static Pattern urn(String body) {
    return Pattern.compile("^" + body + "$");
  }

  private static final Pattern SGTIN =
      urn("urn:epc:id:sgtin:" + prefixed(13) + "\\." + CHAR + "{1,20}");
  private static final Pattern SSCC = urn("urn:epc:id:sscc:" + prefixed(17));
  private static final Pattern SGLN =
      urn("urn:epc:id:sgln:" + prefixed(12) + "\\." + CHAR + "{1,20}");
  private static final Pattern GRAI =
      urn("urn:epc:id:grai:" + prefixed(12) + "\\." + CHAR + "{1,16}");
  private static final Pattern GIAI = urn("urn:epc:id:giai:" + prefixedText(CHAR, 30));
  private static final Pattern GSRN = urn("urn:epc:id:gsrn:" + prefixed(17));
  private static final Pattern GSRNP = urn("urn:epc:id:gsrnp:" + prefixed(17));
  private static final Pattern GDTI = urn("urn:epc:id:gdti:" + prefixed(12) + CHAR + "{1,20}");
  private static final Pattern CPI =
      urn("urn:epc:id:cpi:" + prefixedText(CPI_CHAR, 30) + "\\.\\d{1,12}");
  private static final Pattern SGCN = urn("urn:epc:id:sgcn:" + prefixed(12) + "\\.\\d{1,12}");
  private static final Pattern GINC = urn("urn:epc:id:ginc:" + prefixedText(CHAR, 30));
  private static final Pattern GSIN = urn("urn:epc:id:gsin:" + prefixed(16));
  private static final Pattern ITIP =
      urn("urn:epc:id:itip:" + prefixed(13) + "\\.\\d{2}\\.\\d{2}\\." + CHAR + "{1,20}");
  private static final Pattern UPUI =
      urn("urn:epc:id:upui:" + prefixed(13) + "\\." + CHAR + "{1,28}");
  private static final Pattern PGLN = urn("urn:epc:id:pgln:" + prefixed(12));
  private static final Pattern LGTIN =
      urn("urn:epc:class:lgtin:" + prefixed(13) + "\\." + CHAR + "{1,20}");
  private static final Pattern SGTIN_PATTERN =
      urn("urn:epc:idpat:sgtin:" + prefixed(13) + "\\.\\*");
  private static final Pattern GRAI_PATTERN = urn("urn:epc:idpat:grai:" + prefixed(12) + "\\.\\*");
  private static final Pattern GDTI_PATTERN = urn("urn:epc:idpat:gdti:" + prefixed(12) + "\\.\\*");
  private static final Pattern SGCN_PATTERN = urn("urn:epc:idpat:sgcn:" + prefixed(12) + "\\.\\*");
  private static final Pattern CPI_PATTERN =
      urn("urn:epc:idpat:cpi:" + prefixedText(CPI_CHAR, 30) + "\\.\\*");
  private static final Pattern ITIP_PATTERN =
      urn("urn:epc:idpat:itip:" + prefixed(13) + "\\.\\d{2}\\.\\d{2}\\.\\*");
  private static final Pattern UPUI_PATTERN = urn("urn:epc:idpat:upui:" + prefixed(13) + "\\.\\*");

  private static final String KEYS =
      "01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc|253|gdti"
          + "|401|ginc|402|gsin|8003|grai|8004|giai";

  /** A Digital Link URI on any host: optional path before the key, the key, one qualifier pair. */
  private static final Pattern WEB_URI =
      Pattern.compile(
          "^https?:(//((([^/?#]*)@)?([^/?#:]*)(:([^/?#]*))?))?((([^?#]*)(/("
              + KEYS
              + ")/)(\\d{4}[^/]+)(/[^/]+/[^/]+)?[/]?(\\?([^?\\n]*))?(#([^\\n]*))?)|(/[A-Za-z_-]{10}$))");

  private static final Pattern CANONICAL_HOST =
      Pattern.compile(
          "^https://id.gs1.org/(01|8006|8010|414|417|8017|8018|255|00|253|401|402|8003|8004)/"
              + "(\\d{4}[^/]+)(/[^/]+/[^/]+)?[/]?(\\?([^?\\n]*))?(#([^\\n]*))?");

  private static final List<String> KEY_SEGMENTS =
      List.of(
          "/00/", "/01/", "/253/", "/255/", "/401/", "/402/", "/414/", "/417/", "/8003/", "/8004/",
          "/8006/", "/8010/", "/8017/", "/8018/");

  /** Characters allowed in a canonical Digital Link value (GS1 AI set 82 minus the escaped). */
  private static final String VALUE =
      "[\\x22\\x27\\x2D\\x2E\\x30-\\x39\\x3B-\\x3F\\x41-\\x5A\\x5F\\x61-\\x7A]";

  private static final Pattern CPV_LAST =
      Pattern.compile("https://id.gs1.org/(8006/\\d{18}|01/\\d{14})/22/(" + VALUE + "{0,20})$");
  private static final Pattern CPV_BEFORE =
      Pattern.compile(
          "https://id.gs1.org/(8006/\\d{18}|01/\\d{14})/22/([\\x2F"
              + VALUE.substring(1)
              + "{0,20})$");
  private static final Pattern LOT_AND_SERIAL =
      Pattern.compile(
          "https://id.gs1.org/(8006/\\d{18}|01/\\d{14})/10/("
              + VALUE
              + "{0,20})/21/("
              + VALUE
              + "{0,20})$");

  private static final List<Pattern> VALID =
      List.of(
          Pattern.compile("https://id.gs1.org/00/(\\d{18})$"),
          Pattern.compile("https://id.gs1.org/01/(\\d{14})/21/(" + VALUE + "{0,20})$"),
          Pattern.compile("https://id.gs1.org/01/(\\d{14})/10/(" + VALUE + "{0,20})$"),
          Pattern.compile("https://id.gs1.org/01/(\\d{14})$"),
          Pattern.compile("https://id.gs1.org/01/(\\d{14})/235/(" + VALUE + "{0,28})$"),
          Pattern.compile("https://id.gs1.org/253/(\\d{13})(" + VALUE + "{0,17})$"),
          Pattern.compile("https://id.gs1.org/255/(\\d{13})(\\d{0,12})$"),
          Pattern.compile("https://id.gs1.org/401/(" + VALUE + "{0,30})$"),
          Pattern.compile("https://id.gs1.org/402/(\\d{17})$"),
          Pattern.compile("https://id.gs1.org/414/(\\d{13})$"),
          Pattern.compile("https://id.gs1.org/414/(\\d{13})/254/(" + VALUE + "{0,20})$"),
          Pattern.compile("https://id.gs1.org/417/(\\d{13})$"),
          Pattern.compile("https://id.gs1.org/8003/(\\d{14})(" + VALUE + "{0,16})$"),
          Pattern.compile("https://id.gs1.org/8004/(" + VALUE + "{0,30})$"),
          Pattern.compile("https://id.gs1.org/8006/(\\d{18})/21/(" + VALUE + "{0,20})$"),
          Pattern.compile("https://id.gs1.org/8006/(\\d{18})/10/(" + VALUE + "{0,20})$"),
          Pattern.compile("https://id.gs1.org/8006/(\\d{18})$"),
          Pattern.compile(
              "https://id.gs1.org/8010/([\\x23\\x2D\\x2F\\x30-\\x39\\x41-\\x5A]{0,30})/8011/(\\d{0,12})$"),
          Pattern.compile(
              "https://id.gs1.org/8010/([\\x23\\x2D\\x2F\\x30-\\x39\\x41-\\x5A]{0,30})$"),
          Pattern.compile("https://id.gs1.org/8017/(\\d{18})$"),
          Pattern.compile("https://id.gs1.org/8018/(\\d{18})$"));

  private static final Pattern GTIN_14 = Pattern.compile("^https://id.gs1.org/01/\\d{14}");
  private static final Pattern GTIN_13 = Pattern.compile("^https://id.gs1.org/01/\\d{13}");
  private static final Pattern GTIN_12 = Pattern.compile("^https://id.gs1.org/01/\\d{12}");
  private static final Pattern GTIN_8 = Pattern.compile("^https://id.gs1.org/01/\\d{8}");

  /** The canonical Digital Link form of {@code uri}, or empty when it carries no GS1 key. */
  public static Optional<String> canonical(String uri) {
    if (uri.indexOf('.') < 0) {
      return Optional.empty();
    }
    if (uri.startsWith("urn:epc:")) {
      return Optional.ofNullable(fromEpcUri(uri));
    }
    if (!uri.startsWith("http")) {
      return Optional.empty();
    }
    return Optional.ofNullable(fromWebUri(uri));
  }

  /** The parts of an EPC URI after its scheme name: company prefix, reference and the rest. */
  private record Parts(String prefix, String reference, String rest) {
    static Parts of(String body, int referenceLength) {
      int dot = body.indexOf('.');
      String prefix = body.substring(0, dot);
      int end = dot + 1 + referenceLength - prefix.length();
      String reference = body.substring(dot + 1, Math.min(end, body.length()));
      String rest =
          end + 1 <= body.length() ? body.substring(Math.min(end + 1, body.length())) : "";
      return new Parts(prefix, reference, rest);
    }

    /** GTIN-13 body: indicator digit, company prefix, item reference. */
    String gtinBody() {
      return reference.substring(0, 1) + prefix + reference.substring(1);
    }
  }

  private static @org.jspecify.annotations.Nullable String fromEpcUri(String uri) {
    int colon = uri.indexOf(':', "urn:epc:".length());
    int scheme = uri.indexOf(':', colon + 1);
    String body = uri.substring(scheme + 1);
    if (SGTIN.matcher(uri).matches()) {
      Parts p = Parts.of(body, 13);
      return "https://id.gs1.org/01/" + withCheckDigit(p.gtinBody()) + "/21/" + escape(p.rest());
    }
    if (SSCC.matcher(uri).matches()) {
      Parts p = Parts.of(body, 17);
      String raw = p.reference().substring(0, 1) + p.prefix() + p.reference().substring(1);
      return "https://id.gs1.org/00/" + withCheckDigit(raw);
    }
    if (SGLN.matcher(uri).matches()) {
      Parts p = Parts.of(body, 12);
      String gln = withCheckDigit(p.prefix() + p.reference());
      return p.rest().equals("0")
          ? "https://id.gs1.org/414/" + gln
          : "https://id.gs1.org/414/" + gln + "/254/" + escape(p.rest());
    }
    if (GRAI.matcher(uri).matches()) {
      Parts p = Parts.of(body, 12);
      return "https://id.gs1.org/8003/"
          + withCheckDigit("0" + p.prefix() + p.reference())
          + escape(p.rest());
    }
    if (GIAI.matcher(uri).matches()) {
      int dot = body.indexOf('.');
      return "https://id.gs1.org/8004/" + body.substring(0, dot) + escape(body.substring(dot + 1));
    }
    if (GSRN.matcher(uri).matches()) {
      return "https://id.gs1.org/8018/" + withCheckDigit(body.replace(".", ""));
    }
    if (GSRNP.matcher(uri).matches()) {
      return "https://id.gs1.org/8017/" + withCheckDigit(body.replace(".", ""));
    }
    if (GDTI.matcher(uri).matches()) {
      int dot = body.indexOf('.');
      int end = dot + 1 + 12 - dot;
      String raw = body.substring(0, dot) + body.substring(dot + 1, end);
      String serial = end + 1 <= body.length() ? body.substring(end + 1) : "";
      return "https://id.gs1.org/253/" + withCheckDigit(raw) + escape(serial);
    }
    if (CPI.matcher(uri).matches()) {
      int dot = body.indexOf('.');
      int last = body.lastIndexOf('.');
      return "https://id.gs1.org/8010/"
          + escape(body.substring(0, dot) + body.substring(dot + 1, last))
          + "/8011/"
          + body.substring(last + 1);
    }
    if (SGCN.matcher(uri).matches()) {
      Parts p = Parts.of(body, 12);
      return "https://id.gs1.org/255/" + withCheckDigit(p.prefix() + p.reference()) + p.rest();
    }
    if (GINC.matcher(uri).matches()) {
      int dot = body.indexOf('.');
      return "https://id.gs1.org/401/" + body.substring(0, dot) + escape(body.substring(dot + 1));
    }
    if (GSIN.matcher(uri).matches()) {
      return "https://id.gs1.org/402/" + withCheckDigit(body.replace(".", ""));
    }
    if (ITIP.matcher(uri).matches()) {
      Parts p = Parts.of(body, 13);
      String rest = p.rest();
      return "https://id.gs1.org/8006/"
          + withCheckDigit(p.gtinBody())
          + rest.substring(0, 2)
          + rest.substring(3, 5)
          + "/21/"
          + escape(rest.substring(6));
    }
    if (UPUI.matcher(uri).matches()) {
      Parts p = Parts.of(body, 13);
      return "https://id.gs1.org/01/" + withCheckDigit(p.gtinBody()) + "/235/" + escape(p.rest());
    }
    if (PGLN.matcher(uri).matches()) {
      Parts p = Parts.of(body, 12);
      return "https://id.gs1.org/417/" + withCheckDigit(p.prefix() + p.reference());
    }
    if (LGTIN.matcher(uri).matches()) {
      Parts p = Parts.of(body, 13);
      return "https://id.gs1.org/01/" + withCheckDigit(p.gtinBody()) + "/10/" + escape(p.rest());
    }
    if (SGTIN_PATTERN.matcher(uri).matches() || UPUI_PATTERN.matcher(uri).matches()) {
      return "https://id.gs1.org/01/" + withCheckDigit(Parts.of(body, 13).gtinBody());
    }
    if (GRAI_PATTERN.matcher(uri).matches()) {
      Parts p = Parts.of(body, 12);
      return "https://id.gs1.org/8003/" + withCheckDigit("0" + p.prefix() + p.reference());
    }
    if (GDTI_PATTERN.matcher(uri).matches()) {
      Parts p = Parts.of(body, 12);
      return "https://id.gs1.org/253/" + withCheckDigit(p.prefix() + p.reference());
    }
    if (SGCN_PATTERN.matcher(uri).matches()) {
      Parts p = Parts.of(body, 12);
      return "https://id.gs1.org/255/" + withCheckDigit(p.prefix() + p.reference());
    }
    if (CPI_PATTERN.matcher(uri).matches()) {
      int dot = body.indexOf('.');
      int last = body.lastIndexOf('.');
      return "https://id.gs1.org/8010/"
          + escape(body.substring(0, dot) + body.substring(dot + 1, last));
    }
    if (ITIP_PATTERN.matcher(uri).matches()) {
      Parts p = Parts.of(body, 13);
      String rest = p.rest();
      return "https://id.gs1.org/8006/"
          + withCheckDigit(p.gtinBody())
          + rest.substring(0, 2)
          + rest.substring(3, 5);
    }
    return null;
  }

  private static @org.jspecify.annotations.Nullable String fromWebUri(String given) {
    if (!WEB_URI.matcher(given).lookingAt()) {
      return null;
    }
    String uri = given;
    int query = uri.indexOf('?');
    if (query >= 0) {
      uri = uri.substring(0, query);
    }
    uri =
        uri.replace("/gtin/", "/01/")
            .replace("/itip/", "/8006/")
            .replace("/cpid/", "/8010/")
            .replace("/gln/", "/414/")
            .replace("/party/", "/417/")
            .replace("/gsrnp/", "/8017/")
            .replace("/gsrn/", "/8018/")
            .replace("/gcn/", "/255/")
            .replace("/sscc/", "/00/")
            .replace("/gdti/", "/253/")
            .replace("/ginc/", "/401/")
            .replace("/gsin/", "/402/")
            .replace("/grai/", "/8003/")
            .replace("/giai/", "/8004/")
            .replace("/cpv/", "/22/")
            .replace("/lot/", "/10/")
            .replace("/ser/", "/21/");
    if (!CANONICAL_HOST.matcher(uri).lookingAt()) {
      for (String segment : KEY_SEGMENTS) {
        int at = uri.indexOf(segment);
        if (at >= 0) {
          uri = "https://id.gs1.org" + uri.substring(at);
          break;
        }
      }
    }
    if (!GTIN_14.matcher(uri).lookingAt()) {
      if (GTIN_13.matcher(uri).lookingAt()) {
        uri = uri.replace("/01/", "/01/0");
      } else if (GTIN_12.matcher(uri).lookingAt()) {
        uri = uri.replace("/01/", "/01/00");
      } else if (GTIN_8.matcher(uri).lookingAt()) {
        uri = uri.replace("/01/", "/01/000000");
      }
    }
    int cpv = uri.indexOf("/22/");
    if (cpv >= 0) {
      String after = uri.substring(cpv + 4);
      if (CPV_LAST.matcher(uri).lookingAt()) {
        int slash = after.indexOf('/');
        uri = uri.substring(0, cpv) + (slash < 0 ? "" : after.substring(slash, after.length() - 1));
      }
      if (CPV_BEFORE.matcher(uri).lookingAt()) {
        int slash = after.indexOf('/');
        uri =
            uri.substring(0, cpv)
                + (slash < 0 ? after.substring(after.length() - 1) : after.substring(slash));
      }
    }
    Matcher both = LOT_AND_SERIAL.matcher(uri);
    if (both.lookingAt()) {
      int lot = uri.indexOf("/10/");
      String after = uri.substring(lot + 4);
      uri = uri.substring(0, lot) + after.substring(after.indexOf('/'));
    }
    for (Pattern valid : VALID) {
      if (valid.matcher(uri).lookingAt()) {
        return uri;
      }
    }
    return null;
  }

  /** The digits followed by their GS1 mod-10 check digit. */
  static String withCheckDigit(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      sum += i % 2 == 0 ? 3 * d : d;
    }
    return digits + (10 - sum % 10) % 10;
  }

  /** Escapes the characters a Digital Link path segment must not carry as they are. */
  private static String escape(String value) {
    return value
        .replace("!", "%21")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("*", "%2A")
        .replace("+", "%2B")
        .replace(",", "%2C")
        .replace(":", "%3A");
  }
}
