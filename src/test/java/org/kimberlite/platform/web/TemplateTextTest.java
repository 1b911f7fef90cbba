package org.kimberlite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

/**
 * No page shows words of its own: every visible text of a template (text between tags, and the
 * {@code alt}, {@code title}, {@code aria-label} and {@code placeholder} attributes) comes from a
 * message bundle, so that it is in English and in French. A template may keep a fallback text
 * inside an element whose {@code th:text} (or {@code th:utext}, {@code th:replace}...) replaces it,
 * and language-free tokens: codes, units, format names, examples ("USD", "PDF", "BW00000001"),
 * paths ("/log/vkey") and what a {@code <code>} element holds. Anything with a word in lower case
 * ("Sign in") fails.
 */
class TemplateTextTest {
  static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

  /** A word in lower case: prose, never a code or a unit. */
  static final Pattern WORD = Pattern.compile("\\p{Ll}{3,}");

  /** A path of the site shown as it is, such as {@code /log/vkey}. */
  static final Pattern PATH = Pattern.compile("/[A-Za-z0-9/._-]*");

  /** Language-free tokens that may stand in a template as they are. */
  static final Set<String> TOKENS = Set.of("◇ Kimberlite");

  /** Attributes a reader sees or hears. */
  static final Set<String> VISIBLE = Set.of("alt", "title", "aria-label", "placeholder");

  /** Attributes whose element's content is replaced when the page is drawn. */
  static final Set<String> REPLACING =
      Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");

  /** Elements whose text is code, a script or a style, never words to translate. */
  static final Set<String> VERBATIM = Set.of("code", "kbd", "samp", "script", "style", "pre");

  /** HTML elements without content. */
  static final Set<String> VOID =
      Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source");

  /** An element being read: its name, its attributes, whether its content is drawn by th:*. */
  static final class Element {
    final String name;
    final Map<String, String> attributes = new HashMap<>();
    boolean replaced;
    boolean verbatim;

    Element(String name) {
      this.name = name;
    }
  }

  /** Collects the hard-coded texts of one template. */
  static final class Finder extends AbstractMarkupHandler {
    final String file;
    final List<String> found = new ArrayList<>();
    final Deque<Element> open = new ArrayDeque<>();
    Element current = new Element("");

    Finder(String file) {
      this.file = file;
    }

    static String name(char[] buffer, int offset, int len) {
      return new String(buffer, offset, len).toLowerCase(Locale.ROOT);
    }

    void start(String name) {
      current = new Element(name);
    }

    /** The element's attributes are read: check them, then enter it unless it is void. */
    void enter(int line, boolean standalone) {
      Element e = current;
      e.replaced = e.attributes.keySet().stream().anyMatch(REPLACING::contains);
      e.verbatim = VERBATIM.contains(e.name);
      for (Map.Entry<String, String> a : e.attributes.entrySet()) {
        if (VISIBLE.contains(a.getKey())
            && !e.attributes.containsKey("th:" + a.getKey())
            && !e.attributes.containsKey("th:attr")
            && words(a.getValue())) {
          found.add(file + ":" + line + ": " + a.getKey() + "=\"" + a.getValue() + "\"");
        }
      }
      if (!standalone && !VOID.contains(e.name)) {
        open.push(e);
      }
    }

    void leave(String name) {
      if (VOID.contains(name)) {
        return;
      }
      if (open.stream().anyMatch(e -> e.name.equals(name))) {
        while (!open.isEmpty() && !open.pop().name.equals(name)) {
          // elements left open inside it close with it
        }
      }
    }

    static boolean words(String text) {
      String t = text.strip();
      return !TOKENS.contains(t) && !PATH.matcher(t).matches() && WORD.matcher(t).find();
    }

    @Override
    public void handleOpenElementStart(char[] b, int o, int l, int line, int col) {
      start(name(b, o, l));
    }

    @Override
    public void handleOpenElementEnd(char[] b, int o, int l, int line, int col) {
      enter(line, false);
    }

    @Override
    public void handleStandaloneElementStart(
        char[] b, int o, int l, boolean minimized, int line, int col) {
      start(name(b, o, l));
    }

    @Override
    public void handleStandaloneElementEnd(
        char[] b, int o, int l, boolean minimized, int line, int col) {
      enter(line, true);
    }

    @Override
    public void handleCloseElementStart(char[] b, int o, int l, int line, int col) {
      leave(name(b, o, l));
    }

    @Override
    public void handleAutoCloseElementStart(char[] b, int o, int l, int line, int col) {
      leave(name(b, o, l));
    }

    @Override
    public void handleAttribute(
        char[] b,
        int nameOffset,
        int nameLen,
        int nameLine,
        int nameCol,
        int operatorOffset,
        int operatorLen,
        int operatorLine,
        int operatorCol,
        int valueContentOffset,
        int valueContentLen,
        int valueOuterOffset,
        int valueOuterLen,
        int valueLine,
        int valueCol) {
      current.attributes.put(
          name(b, nameOffset, nameLen), new String(b, valueContentOffset, valueContentLen));
    }

    @Override
    public void handleText(char[] b, int o, int l, int line, int col) {
      if (open.stream().anyMatch(e -> e.replaced || e.verbatim)) {
        return;
      }
      String text = new String(b, o, l);
      if (words(text)) {
        found.add(file + ":" + line + ": \"" + text.strip() + "\"");
      }
    }
  }

  @Test
  void everyVisibleTextOfATemplateComesFromTheBundles() throws IOException, ParseException {
    MarkupParser parser = new MarkupParser(ParseConfiguration.htmlConfiguration());
    List<String> found = new ArrayList<>();
    int templates = 0;
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        Finder finder = new Finder(TEMPLATES.relativize(file).toString());
        parser.parse(Files.readString(file, StandardCharsets.UTF_8), finder);
        found.addAll(finder.found);
        templates++;
      }
    }
    assertThat(templates).isGreaterThan(20);
    assertThat(found).as("text written in a template instead of a message bundle").isEmpty();
  }

  @Test
  void theFinderSeesWordsAndLetsFallbacksAndCodesBe() throws ParseException {
    MarkupParser parser = new MarkupParser(ParseConfiguration.htmlConfiguration());
    Finder finder = new Finder("t.html");
    parser.parse(
        "<p th:text=\"#{a}\">Fallback text</p><p>USD <code>POST /api/v1/x</code></p>"
            + "<input placeholder=\"BW00000001\"><img alt=\"A chart\"><p>Hard-coded words</p>"
            + "<a title=\"x\" th:title=\"#{t}\">PDF</a><br><span>Written here</span>",
        finder);
    assertThat(finder.found)
        .containsExactly(
            "t.html:1: alt=\"A chart\"",
            "t.html:1: \"Hard-coded words\"",
            "t.html:1: \"Written here\"");
  }
}
