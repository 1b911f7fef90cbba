package org.kimberlite.diligence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kimberlite.diligence.Severity;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The rules the due-diligence policies evaluate, each with the severities its findings take and its
 * one-line title from the rules page bundled in the jar ({@code docs/rules.md}, headings such as
 * {@code ### DD-01 · title}), so the wording lives in one place.
 */
@Component
public class RuleCatalogue {
  static final String RESOURCE = "docs/rules.md";
  private static final Pattern HEADING =
      Pattern.compile("^#{2,4} ([A-Z]{2,5}-[0-9]{2}) · (.+?)\\s*$", Pattern.MULTILINE);

  /** The rules evaluated (the policies' {@code @Policy(rules)}) and the severities they raise. */
  private static final Map<String, Set<Severity>> EVALUATED = evaluated();

  /** A rule with its title and severities (in increasing order). */
  public record Rule(String id, String title, List<Severity> severities) {
    public Rule {
      severities = List.copyOf(severities);
    }
  }

  private final List<Rule> rules;

  public RuleCatalogue() {
    this(load());
  }

  RuleCatalogue(String page) {
    Map<String, String> titles = new HashMap<>();
    Matcher m = HEADING.matcher(page);
    while (m.find()) {
      titles.putIfAbsent(m.group(1), m.group(2));
    }
    List<Rule> out = new ArrayList<>();
    EVALUATED.forEach(
        (id, severities) ->
            out.add(
                new Rule(id, titles.getOrDefault(id, id), severities.stream().sorted().toList())));
    rules = List.copyOf(out);
  }

  /** Every rule evaluated, in rule order. */
  public List<Rule> rules() {
    return rules;
  }

  private static Map<String, Set<Severity>> evaluated() {
    Map<String, Set<Severity>> m = new LinkedHashMap<>();
    Set<Severity> any = Set.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH);
    m.put("DD-01", Set.of(Severity.MEDIUM, Severity.HIGH));
    m.put("DD-02", Set.of(Severity.HIGH));
    m.put("DD-03", Set.of(Severity.MEDIUM, Severity.HIGH));
    m.put("DD-04", Set.of(Severity.MEDIUM));
    m.put("DD-05", Set.of(Severity.MEDIUM));
    m.put("KP-09", Set.of(Severity.HIGH));
    m.put("KP-11", Set.of(Severity.MEDIUM));
    m.put("LGD-04", Set.of(Severity.HIGH));
    m.put("SOW-03", Set.of(Severity.MEDIUM));
    m.put("SOW-05", Set.of(Severity.MEDIUM));
    m.put("STAT-02", any);
    m.put("STAT-03", any);
    m.put("STAT-04", any);
    m.put("VAL-02", Set.of(Severity.MEDIUM));
    return m;
  }

  private static String load() {
    try {
      return new ClassPathResource(RESOURCE).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The rules page " + RESOURCE + " is not on the classpath", e);
    }
  }
}
