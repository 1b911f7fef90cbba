package org.kimberlite.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Makes problem {@code type} URIs dereferenceable: {@code GET /problems/{id}} shows the section of
 * the rules page ({@code docs/rules.md}, bundled in the jar) that explains a rule or problem type,
 * as HTML, or as Markdown when the client asks for {@code text/markdown}; {@code GET /problems}
 * shows the whole page. An ID the page does not explain is a 404 problem. Public, without login.
 */
@Controller
class RuleDocs {
  static final String RESOURCE = "docs/rules.md";
  static final String MARKDOWN = "text/markdown;charset=UTF-8";

  private static final Pattern ANCHOR = Pattern.compile("^<a id=\"([A-Za-z0-9/_-]+)\"></a>\\s*$");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,60}");
  private static final Pattern HTTP_STATUS = Pattern.compile("http-[1-5][0-9]{2}");
  private static final Pattern INLINE =
      Pattern.compile(
          "`([^`]+)`"
              + "|\\*\\*(.+?)\\*\\*"
              + "|\\[([^\\]]+)\\]\\(([^)\\s]+)\\)"
              + "|<(https?://[^>\\s]+)>"
              + "|\\*([^*\\s][^*]*?)\\*");

  private final String page;
  private final Map<String, String> sections;

  RuleDocs() {
    try {
      page = new ClassPathResource(RESOURCE).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The rules page " + RESOURCE + " is not on the classpath", e);
    }
    sections = sections(page);
  }

  @Bean
  static PublicPaths ruleDocsPublicPaths() {
    return PublicPaths.of("/problems", "/problems/*", "/problems/*/*");
  }

  @GetMapping("/problems")
  ModelAndView all(@RequestHeader(name = "Accept", required = false) @Nullable String accept) {
    if (wantsMarkdown(accept)) {
      return markdown(page);
    }
    ModelAndView mv = new ModelAndView("problems");
    mv.addObject("html", html(page, false));
    mv.addObject("single", false);
    return mv;
  }

  @GetMapping("/problems/{id}")
  ModelAndView one(
      @PathVariable String id,
      @RequestHeader(name = "Accept", required = false) @Nullable String accept) {
    return section(id, accept);
  }

  /** Types with a module prefix, such as {@code ledger/bad-checkpoint}. */
  @GetMapping("/problems/{group}/{id}")
  ModelAndView grouped(
      @PathVariable String group,
      @PathVariable String id,
      @RequestHeader(name = "Accept", required = false) @Nullable String accept) {
    if (!ID.matcher(group).matches()) {
      throw unknown();
    }
    return section(group + "/" + id, accept);
  }

  private ModelAndView section(String id, @Nullable String accept) {
    String section = find(id).orElseThrow(RuleDocs::unknown);
    if (wantsMarkdown(accept)) {
      return markdown(section);
    }
    ModelAndView mv = new ModelAndView("problems");
    mv.addObject("title", title(section, id));
    mv.addObject("html", promoted(html(section, true)));
    mv.addObject("single", true);
    return mv;
  }

  /**
   * A section shown on a page of its own: its first heading becomes the page's level-one heading,
   * the headings below it move up as many levels.
   */
  static String promoted(String html) {
    int at = html.indexOf("<h");
    if (at < 0 || at + 2 >= html.length() || !Character.isDigit(html.charAt(at + 2))) {
      return html;
    }
    int by = html.charAt(at + 2) - '1';
    String out = html;
    for (int level = 1 + by; level <= 6 && by > 0; level++) {
      out =
          out.replace("<h" + level, "<h" + (level - by))
              .replace("</h" + level, "</h" + (level - by));
    }
    return out;
  }

  /** Every rule ID and problem type the rules page explains, in page order. */
  java.util.Set<String> ids() {
    return java.util.Collections.unmodifiableSet(sections.keySet());
  }

  /** The Markdown section explaining {@code id}, if the rules page has one. */
  Optional<String> find(String id) {
    String slug = id.substring(id.indexOf('/') + 1);
    if (!ID.matcher(slug).matches()) {
      return Optional.empty();
    }
    String key = HTTP_STATUS.matcher(id).matches() ? "http-status" : id;
    return Optional.ofNullable(sections.get(key));
  }

  private static Problem unknown() {
    return Problem.notFound(
        "No rule or problem type of that name; /problems lists every one there is.");
  }

  private static boolean wantsMarkdown(@Nullable String accept) {
    return accept != null && accept.contains("text/markdown");
  }

  private static ModelAndView markdown(String text) {
    View view =
        (model, request, response) -> {
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          response.setContentType(MARKDOWN);
          response.setContentLength(bytes.length);
          response.getOutputStream().write(bytes);
        };
    return new ModelAndView(view);
  }

  /** Each anchored section: from its {@code <a id>} line to the next anchor or level-2 heading. */
  static Map<String, String> sections(String markdown) {
    List<String> lines = markdown.lines().toList();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = ANCHOR.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int end = i + 1;
      while (end < lines.size()
          && !ANCHOR.matcher(lines.get(end)).matches()
          && !lines.get(end).startsWith("## ")) {
        end++;
      }
      out.put(m.group(1), String.join("\n", lines.subList(i, end)).strip() + "\n");
    }
    return out;
  }

  private static String title(String section, String id) {
    return section
        .lines()
        .filter(l -> l.startsWith("#"))
        .findFirst()
        .map(l -> l.replaceFirst("^#+\\s*", ""))
        .orElse(id);
  }

  /**
   * The small part of Markdown the rules page uses, as HTML: headings, anchors, paragraphs, lists
   * (with indented continuation lines), inline code, bold, emphasis and links. Text is escaped;
   * links within the page point to {@code /problems/{id}} when {@code single}.
   */
  static String html(String markdown, boolean single) {
    StringBuilder out = new StringBuilder();
    List<String> block = new ArrayList<>();
    boolean list = false;
    for (String line : markdown.lines().toList()) {
      Matcher anchor = ANCHOR.matcher(line);
      boolean item = line.startsWith("- ");
      boolean continuation = line.startsWith("  ") && !line.isBlank() && !block.isEmpty();
      if (continuation) {
        block.set(block.size() - 1, block.get(block.size() - 1) + " " + line.strip());
        continue;
      }
      if (item) {
        if (!list) {
          flush(out, block, false, single);
          list = true;
        }
        block.add(line.substring(2));
        continue;
      }
      if (list) {
        flush(out, block, true, single);
        list = false;
      }
      if (line.isBlank()) {
        flush(out, block, false, single);
      } else if (anchor.matches()) {
        flush(out, block, false, single);
        out.append("<a id=\"").append(escape(anchor.group(1))).append("\"></a>\n");
      } else if (line.startsWith("#")) {
        flush(out, block, false, single);
        int level = Math.min(6, (int) line.chars().takeWhile(c -> c == '#').count());
        String text = line.substring(level).strip();
        out.append("<h").append(level);
        if (level == 2) {
          out.append(" id=\"").append(escape(slug(text))).append('"');
        }
        out.append('>');
        out.append(inline(text, single)).append("</h").append(level).append(">\n");
      } else {
        block.add(line.strip());
      }
    }
    flush(out, block, list, single);
    return out.toString();
  }

  private static void flush(StringBuilder out, List<String> block, boolean list, boolean single) {
    if (block.isEmpty()) {
      return;
    }
    if (list) {
      out.append("<ul>\n");
      for (String item : block) {
        out.append("<li>").append(inline(item, single)).append("</li>\n");
      }
      out.append("</ul>\n");
    } else {
      out.append("<p>").append(inline(String.join(" ", block), single)).append("</p>\n");
    }
    block.clear();
  }

  private static String inline(String text, boolean single) {
    StringBuilder out = new StringBuilder();
    Matcher m = INLINE.matcher(text);
    int at = 0;
    while (m.find()) {
      out.append(escape(text.substring(at, m.start())));
      if (m.group(1) != null) {
        out.append("<code>").append(escape(m.group(1))).append("</code>");
      } else if (m.group(2) != null) {
        out.append("<strong>").append(inline(m.group(2), single)).append("</strong>");
      } else if (m.group(3) != null) {
        out.append(link(m.group(4), inline(m.group(3), single), single));
      } else if (m.group(5) != null) {
        out.append(link(m.group(5), escape(m.group(5)), single));
      } else {
        out.append("<em>").append(inline(m.group(6), single)).append("</em>");
      }
      at = m.end();
    }
    out.append(escape(text.substring(at)));
    return out.toString();
  }

  private static String link(String target, String label, boolean single) {
    String href = target;
    if (target.startsWith("#") && single) {
      href = "/problems/" + target.substring(1);
    } else if (!(target.startsWith("#")
        || target.startsWith("/")
        || target.startsWith("https://")
        || target.startsWith("http://"))) {
      return label;
    }
    return "<a href=\"" + escape(href) + "\">" + label + "</a>";
  }

  /** The anchor GitHub gives a heading: lower case, spaces as hyphens, punctuation dropped. */
  static String slug(String heading) {
    return heading
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9 _-]", "")
        .replace(' ', '-');
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
