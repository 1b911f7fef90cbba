package org.kimberlite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark table on the console and its JSON under {@code target/bench/}. */
final class BenchReport {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private BenchReport() {}

  static String number(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String cell(@Nullable Double v) {
    return v == null ? "-" : number(v);
  }

  static String table(List<BenchRow> rows) {
    StringBuilder out = new StringBuilder();
    String format = "%-6s %-58s %12s %-10s %12s %6s  %-34s %s%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "id",
            "what",
            "figure",
            "unit",
            "baseline",
            "ratio",
            "target",
            "met"));
    for (BenchRow r : rows) {
      Double ratio = r.ratio();
      out.append(
          String.format(
              Locale.ROOT,
              format,
              r.id(),
              abbreviate(r.what(), 58),
              r.figure() == null ? "not measured" : cell(r.figure()),
              r.unit(),
              cell(r.baseline()),
              ratio == null ? "-" : String.format(Locale.ROOT, "%.0f%%", ratio * 100),
              abbreviate(r.target(), 34),
              r.met() == null ? "-" : r.met() ? "MET" : "MISSED"));
    }
    for (BenchRow r : rows) {
      if (!r.note().isEmpty() || !r.baselineWhat().isEmpty()) {
        out.append("  ")
            .append(r.id())
            .append(": ")
            .append(r.note())
            .append(r.baselineWhat().isEmpty() ? "" : " Baseline: " + r.baselineWhat() + ".")
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** Writes {@code bench-<time>.json} and {@code latest.json}; returns the first. */
  static Path write(
      Path dir,
      List<BenchRow> rows,
      String database,
      boolean quick,
      String command,
      Instant started,
      double seconds)
      throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("started", started.toString());
    doc.put("seconds", Math.round(seconds * 10) / 10.0);
    doc.put("command", command);
    doc.put("database", database);
    doc.put("quick", quick);
    doc.put("commit", commit());
    doc.put("machine", machine());
    List<Map<String, Object>> out = new ArrayList<>();
    for (BenchRow r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("what", r.what());
      m.put("measured", r.figure() != null);
      m.put("figure", r.figure());
      m.put("unit", r.unit());
      m.put("baseline", r.baseline());
      m.put("baselineWhat", r.baselineWhat());
      m.put("ratio", r.ratio());
      m.put("target", r.target());
      m.put("met", r.met());
      m.put("note", r.note());
      out.add(m);
    }
    doc.put("rows", out);
    String name = "bench-" + started.toString().replace(":", "").replace(".", "-") + ".json";
    Path file = dir.resolve(name);
    byte[] bytes = JSON.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
    Files.write(file, bytes);
    Files.write(dir.resolve("latest.json"), bytes);
    return file;
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memoryMiB", memTotalMiB());
    m.put("os", System.getProperty("os.name", "") + " " + System.getProperty("os.version", ""));
    m.put("java", System.getProperty("java.vm.name", "") + " " + Runtime.version());
    String load = loadAverage();
    if (!load.isEmpty()) {
      m.put("loadAverageAtStart", load);
    }
    return m;
  }

  private static long memTotalMiB() {
    String kb = procField(Path.of("/proc/meminfo"), "MemTotal:");
    return kb.isEmpty() ? -1 : Long.parseLong(kb) / 1024;
  }

  static String loadAverage() {
    try {
      String text = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).strip();
      int third = nthSpace(text, 3);
      return third < 0 ? text : text.substring(0, third);
    } catch (IOException e) {
      return "";
    }
  }

  private static int nthSpace(String s, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = s.indexOf(' ', at + 1);
      if (at < 0) {
        return -1;
      }
    }
    return at;
  }

  /** A numeric field of a /proc status-like file ({@code Name: 1234 kB}): its number, or empty. */
  static String procField(Path file, String name) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        if (line.startsWith(name)) {
          StringBuilder digits = new StringBuilder();
          for (char c : line.substring(name.length()).toCharArray()) {
            if (Character.isDigit(c)) {
              digits.append(c);
            } else if (!digits.isEmpty()) {
              break;
            }
          }
          return digits.toString();
        }
      }
    } catch (IOException e) {
      // not on Linux, or the process is gone
    }
    return "";
  }

  /** The commit benchmarked ({@code git describe --always --dirty}), or "unknown". */
  static String commit() {
    try {
      Process p =
          new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
        return out;
      }
    } catch (IOException e) {
      // no git here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "unknown";
  }
}
