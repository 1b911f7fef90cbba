package org.kimberlite.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Access to the vendored test vectors under src/test/resources/vectors. */
final class TestData {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private TestData() {}

  static Path path(String relative) {
    URL url = TestData.class.getClassLoader().getResource("vectors/" + relative);
    if (url == null) {
      throw new IllegalStateException("missing test resource vectors/" + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String relative) {
    return json(path(relative));
  }

  /** Every JSON file below {@code relative}, sorted by path. */
  static List<Path> jsonFiles(String relative) {
    Path root = path(relative);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static byte[] b64(String s) {
    return Base64.getDecoder().decode(s);
  }

  static List<byte[]> hexList(JsonNode array) {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(hex(n.asString()));
    }
    return out;
  }

  static List<String> hexStrings(List<byte[]> hashes) {
    return hashes.stream().map(TestData::hex).toList();
  }
}
