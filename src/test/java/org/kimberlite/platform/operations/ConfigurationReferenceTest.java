package org.kimberlite.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kimberlite.support.AnnotatedClasses;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configuration reference in docs/operations.md and the code stay in step: every {@code
 * kimberlite.*} setting the code reads ({@code @ConfigurationProperties} records, {@code ${...}}
 * placeholders in {@code @Value} and {@code @Scheduled}, {@code application.properties}) has a row
 * with its default and its environment variable, no row names a setting nothing reads, and every
 * {@code KIMBERLITE_*} variable {@code application.properties} reads is in the reference.
 */
class ConfigurationReferenceTest {
  static final Path REFERENCE = Path.of("docs", "operations.md");
  static final Path SOURCES = Path.of("src", "main", "java");

  /** A placeholder or an {@code Environment} read of a {@code kimberlite.*} setting. */
  static final Pattern READ =
      Pattern.compile("(?:\\$\\{|getProperty\\(\")(kimberlite\\.[a-z0-9.-]*[a-z0-9])");

  /** A variable {@code application.properties} reads: {@code ${KIMBERLITE_PORT:8080}}. */
  static final Pattern VARIABLE = Pattern.compile("\\$\\{(KIMBERLITE_[A-Z0-9_]+):");

  /** One row of a settings table. */
  record Row(String setting, String defaultValue, String environment) {}

  /** The settings tables' rows, by setting. */
  static Map<String, Row> reference() throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
      String setting = cells[0].strip();
      if (cells.length < 4 || !setting.matches("`[a-z][a-z0-9.-]*\\.[a-z0-9.-]+`")) {
        continue;
      }
      String name = setting.substring(1, setting.length() - 1);
      Row row = new Row(name, cells[1].strip(), cells[2].strip());
      assertThat(rows.put(name, row)).as("one row for " + name).isNull();
    }
    return rows;
  }

  static Properties applicationProperties() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        ConfigurationReferenceTest.class
            .getClassLoader()
            .getResourceAsStream("application.properties")) {
      p.load(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8));
    }
    return p;
  }

  /** {@code maxLag} as a setting's last part: {@code max-lag}. */
  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Every {@code kimberlite.*} setting the code reads. */
  static Set<String> readByTheCode() throws IOException {
    Set<String> read = new TreeSet<>();
    for (Class<?> type : AnnotatedClasses.of(ConfigurationProperties.class)) {
      ConfigurationProperties annotation =
          Objects.requireNonNull(type.getAnnotation(ConfigurationProperties.class));
      String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
      List<String> names = new ArrayList<>();
      if (type.isRecord()) {
        for (RecordComponent c : type.getRecordComponents()) {
          names.add(c.getName());
        }
      } else {
        for (Field f : type.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            names.add(f.getName());
          }
        }
      }
      names.forEach(n -> read.add(prefix + "." + kebab(n)));
    }
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = READ.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          read.add(m.group(1));
        }
      }
    }
    for (String key : applicationProperties().stringPropertyNames()) {
      if (key.startsWith("kimberlite.")) {
        read.add(key);
      }
    }
    return read;
  }

  @Test
  void everySettingTheCodeReadsHasARow() throws IOException {
    Set<String> missing = readByTheCode();
    missing.removeAll(reference().keySet());
    assertThat(missing).as("settings read by the code and missing from " + REFERENCE).isEmpty();
  }

  @Test
  void everyRowNamesASettingTheCodeReads() throws IOException {
    Set<String> read = readByTheCode();
    Set<String> stale = new TreeSet<>();
    for (String setting : reference().keySet()) {
      if (setting.startsWith("kimberlite.") && !read.contains(setting)) {
        stale.add(setting);
      }
    }
    assertThat(stale).as("rows of " + REFERENCE + " that nothing reads").isEmpty();
  }

  /**
   * Each row has a default and an environment variable: for a {@code kimberlite.*} setting, the
   * variable {@code application.properties} reads for it, or else the one Spring derives from its
   * name.
   */
  @Test
  void everyRowHasItsDefaultAndTheVariableThatSetsIt() throws IOException {
    Properties application = applicationProperties();
    Map<String, String> wrong = new TreeMap<>();
    for (Row row : reference().values()) {
      if (row.defaultValue().isEmpty() || row.environment().isEmpty()) {
        wrong.put(row.setting(), "no default or no environment variable");
        continue;
      }
      if (!row.setting().startsWith("kimberlite.")) {
        continue;
      }
      String derived = row.setting().toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
      String value = application.getProperty(row.setting(), "");
      Matcher m = VARIABLE.matcher(value);
      String expected = m.find() ? m.group(1) : derived;
      if (!row.environment().equals("`" + expected + "`")) {
        wrong.put(row.setting(), row.environment() + ", expected `" + expected + "`");
      }
    }
    assertThat(wrong).as("rows of " + REFERENCE).isEmpty();
  }

  @Test
  void everyVariableOfTheApplicationPropertiesIsInTheReference() throws IOException {
    String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
    Set<String> missing = new TreeSet<>();
    for (Object value : applicationProperties().values()) {
      Matcher m = VARIABLE.matcher(value.toString());
      while (m.find()) {
        if (!reference.contains("`" + m.group(1) + "`")) {
          missing.add(m.group(1));
        }
      }
    }
    assertThat(missing).as("variables missing from " + REFERENCE).isEmpty();
  }
}
