package org.kimberlite.diligence.internal.policies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.Severity;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;
import org.kimberlite.statistics.Finding;

/**
 * STAT-02, STAT-03, STAT-04: the statistics module's checks (mirror, period-on-period anomaly,
 * missing submission) become findings of the participants concerned; for a mirror mismatch, both
 * the exporting and the importing participant. A finding's identity is its rule, participant,
 * period and (for a mirror) the partner: figures that move within the same cell do not raise it
 * again.
 */
@Policy(rules = {"STAT-02", "STAT-03", "STAT-04"})
public final class StatisticsPolicy {
  private StatisticsPolicy() {}

  public static List<Flag> evaluate(List<Finding> findings) {
    List<Flag> out = new ArrayList<>();
    for (Finding f : findings) {
      if (!f.rule().startsWith("STAT-")) {
        continue;
      }
      Set<ParticipantCode> participants = new HashSet<>();
      participants.add(f.participant());
      String partner = "";
      String exporter = f.evidence().get("exporter");
      String importer = f.evidence().get("importer");
      if (exporter != null && importer != null) {
        partner = exporter + ">" + importer;
        participants.add(ParticipantCode.of(exporter));
        participants.add(ParticipantCode.of(importer));
      }
      List<Evidence> evidence = new ArrayList<>();
      for (ParticipantCode p : participants.stream().sorted().toList()) {
        evidence.add(
            Links.statistics(
                p.code(), f.period(), "KP statistics of " + p.code() + ", " + f.period()));
      }
      out.add(
          new Flag(
              f.rule(),
              Severity.valueOf(f.severity()),
              f.participant().code() + ":" + f.period() + (partner.isEmpty() ? "" : ":" + partner),
              f.message(),
              evidence,
              Set.of(),
              participants));
    }
    return out;
  }
}
