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
}
