package org.kimberlite.diligence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.diligence.Severity;

class RuleCatalogueTest {
  @Test
  void everyRuleEvaluatedHasItsTitleFromTheRulesPage() {
    List<RuleCatalogue.Rule> rules = new RuleCatalogue().rules();
    assertThat(rules).extracting(RuleCatalogue.Rule::id).contains("DD-01", "KP-09", "SOW-03");
    assertThat(rules).allSatisfy(r -> assertThat(r.title()).isNotEqualTo(r.id()));
    RuleCatalogue.Rule dd01 = rules.get(0);
    assertThat(dd01.id()).isEqualTo("DD-01");
    assertThat(dd01.title()).contains("conflict-affected");
    assertThat(dd01.severities()).containsExactly(Severity.MEDIUM, Severity.HIGH);
  }

  @Test
  void aRuleTheRulesPageDoesNotExplainIsShownByItsId() {
    RuleCatalogue c = new RuleCatalogue("### DD-02 · origin claimed beyond production\n");
    assertThat(c.rules().get(0).title()).isEqualTo("DD-01");
    assertThat(c.rules().get(1).title()).isEqualTo("origin claimed beyond production");
  }

  /**
   * Every rule a due-diligence policy decides is in the catalogue (the report's policy summary).
   */
  @Test
  void everyPolicysRuleIsCatalogued() throws Exception {
    java.util.regex.Pattern rules =
        java.util.regex.Pattern.compile("@Policy\\(rules = \\{?([^)}]*)\\}?\\)");
    java.util.Set<String> decided = new java.util.TreeSet<>();
    try (var files =
        java.nio.file.Files.list(
            java.nio.file.Path.of("src/main/java/org/kimberlite/diligence/internal/policies"))) {
      for (java.nio.file.Path f : files.toList()) {
        java.util.regex.Matcher m =
            rules.matcher(
                java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.UTF_8));
        while (m.find()) {
          for (String id : m.group(1).replace("\"", "").split(",")) {
            decided.add(id.strip());
          }
        }
      }
    }
    assertThat(decided).contains("SOW-05", "DD-01", "STAT-04");
    decided.remove("DD-06"); // escalation of findings already raised: it raises none of its own
    assertThat(new RuleCatalogue().rules()).extracting(RuleCatalogue.Rule::id).containsAll(decided);
  }
}
