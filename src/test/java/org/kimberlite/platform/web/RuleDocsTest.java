package org.kimberlite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules page's sections and its small Markdown renderer. */
class RuleDocsTest {
  static final String PAGE =
      """
      # Rules

      Intro with [a rule](#KP-02).

      ## KP

      <a id="KP-01"></a>
      ### KP-01 · first

      - **Checks:** one `code` and a <https://example.org/x?a=1&b=2> link,
        continued here.
      - **Effect:** block; see [KP-02](#KP-02) and [bad](javascript:alert(1)).

      <a id="KP-02"></a>
      ### KP-02 · second <script>

      Text *with* emphasis.

      ## Other problem types

      <a id="ledger/bad-checkpoint"></a>
      ### ledger/bad-checkpoint
      """;

  @Test
  void aSectionRunsFromItsAnchorToTheNextAnchorOrChapter() {
    Map<String, String> sections = RuleDocs.sections(PAGE);
    assertThat(sections).containsOnlyKeys("KP-01", "KP-02", "ledger/bad-checkpoint");
    assertThat(sections.get("KP-01")).startsWith("<a id=\"KP-01\"></a>").doesNotContain("KP-02 ·");
    assertThat(sections.get("KP-02")).contains("emphasis").doesNotContain("Other problem types");
  }

  @Test
  void theRendererEscapesTextAndKeepsOnlySafeLinks() {
    String html = RuleDocs.html(RuleDocs.sections(PAGE).get("KP-01"), true);
    assertThat(html)
        .contains("<a id=\"KP-01\"></a>")
        .contains("<h3>KP-01 · first</h3>")
        .contains("<li><strong>Checks:</strong> one <code>code</code> and a ")
        .contains("<a href=\"https://example.org/x?a=1&amp;b=2\">")
        .contains("link, continued here.</li>")
        .contains("<a href=\"/problems/KP-02\">KP-02</a>")
        .contains(" and bad).")
        .doesNotContain("javascript");
    assertThat(RuleDocs.html(RuleDocs.sections(PAGE).get("KP-02"), true))
        .contains("second &lt;script&gt;")
        .contains("<p>Text <em>with</em> emphasis.</p>");
    assertThat(RuleDocs.html(PAGE, false))
        .contains("<h2 id=\"other-problem-types\">")
        .contains("<a href=\"#KP-02\">a rule</a>");
  }
}
