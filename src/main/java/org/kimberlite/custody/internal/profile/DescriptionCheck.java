package org.kimberlite.custody.internal.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.Holdings;
import org.kimberlite.custody.internal.rules.Nomenclature;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * NOM-01 to NOM-03 on the trade description ({@code kimberlite:description}) of an invoice or a
 * retail sale (SOW-06), under the configured nomenclature (ISO 18323 by default).
 */
@Component
@Order(330)
class DescriptionCheck extends ProfileCheck {
  private final ProfileProperties properties;

  DescriptionCheck(ProfileProperties properties) {
    this.properties = properties;
  }

  private record Kind(org.kimberlite.custody.Nature nature, boolean treated) {}

  @Override
  List<Located> judge(Replay.Step step, CaptureBatch batch) {
    List<Located> out = new ArrayList<>();
    if (!step.facts().invoice() && step.move().step() != Holdings.Step.RETAIL_SELLING) {
      return out;
    }
    Set<Kind> kinds = new LinkedHashSet<>();
    for (String id : step.move().objects()) {
      Goods g = step.before().get(id);
      if (g == null) {
        g = Natures.goods(step, id);
      }
      if (g != null && g.nature() != null) {
        kinds.add(new Kind(g.nature(), g.treated()));
      }
    }
    String description = step.facts().description();
    String pointer = description == null ? "" : "/kimberlite:description";
    for (Kind k : kinds) {
      out.addAll(
          Located.all(
              Nomenclature.check(
                      description,
                      k.nature(),
                      k.treated(),
                      properties.nomenclature(),
                      Nomenclature.Setting.INVOICE)
                  .breaches(),
              pointer));
    }
    return out;
  }
}
