package org.kimberlite.shared.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * RFC 8785 (JCS) canonical JSON for the value model Kimberlite commits to: maps with string keys,
 * lists, strings, booleans, null and integers within ±(2^53 − 1). Decimal quantities travel as
 * strings ("1250.40"), so the number rule of JCS reduces to plain decimal integers; a floating
 * point number is refused rather than formatted differently from ECMAScript.
 */
public final class CanonicalJson {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  public static byte[] bytes(@Nullable Object value) {
    return string(value).getBytes(StandardCharsets.UTF_8);
  }

  public static String string(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(@Nullable Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(s, out);
      case Boolean b -> out.append(b ? "true" : "false");
      case Integer i -> out.append(i.intValue());
      case Long l -> {
        if (l > MAX_SAFE_INTEGER || l < -MAX_SAFE_INTEGER) {
          throw new IllegalArgumentException("Integer " + l + " is outside the JSON safe range");
        }
        out.append(l.longValue());
      }
      case Map<?, ?> map -> object(map, out);
      case Collection<?> list -> {
        out.append('[');
        boolean first = true;
        for (Object item : list) {
          if (!first) {
            out.append(',');
          }
          first = false;
          write(item, out);
        }
        out.append(']');
      }
      default ->
          throw new IllegalArgumentException(
              "Cannot canonicalise a "
                  + value.getClass().getName()
                  + "; use strings for decimals and dates");
    }
  }

  private static void object(Map<?, ?> map, StringBuilder out) {
    List<String> keys = new ArrayList<>();
    for (Object key : map.keySet()) {
      if (!(key instanceof String s)) {
        throw new IllegalArgumentException("JSON object keys must be strings: " + key);
      }
      keys.add(s);
    }
    // String.compareTo orders by UTF-16 code units, which is what RFC 8785 section 3.2.3 asks.
    keys.sort(String::compareTo);
    out.append('{');
    boolean first = true;
    for (String key : keys) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(key, out);
      out.append(':');
      write(map.get(key), out);
    }
    out.append('}');
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else if (Character.isSurrogate(c)) {
            boolean paired =
                Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (!paired) {
              throw new IllegalArgumentException("Lone surrogate in string at " + i);
            }
            out.append(c).append(s.charAt(++i));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
