package org.kimberlite.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.Monitoring;
import org.kimberlite.governance.Recommendation;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.ParticipantPanel;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The participant's page links, for those who follow its re-entry monitoring (its monitoring team,
 * the secretariat, the Working Group on Monitoring, its own KP authority), to its monitoring page
 * and its recommendations.
 */
@Component
class MonitoringPanel implements ParticipantPanel {
  private final Monitoring monitoring;
  private final MessageSource messages;

  MonitoringPanel(Monitoring monitoring, MessageSource messages) {
    this.monitoring = monitoring;
    this.messages = messages;
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public Optional<Panel> panel(
      ParticipantCode participant, @Nullable Caller caller, Locale locale) {
    if (caller == null) {
      return Optional.empty();
    }
    Optional<List<Recommendation>> recommendations =
        monitoring.recommendations(caller, participant);
    if (recommendations.isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            text("monitoring.panel.exports", locale),
            "/console/governance/monitoring/" + participant.code(),
            null));
    for (Recommendation r : recommendations.get()) {
      rows.add(
          new Row(
              text(
                  "monitoring.panel.recommendation",
                  locale,
                  r.recommendedOn().toString(),
                  r.organisationName()),
              "/console/governance/recommendations/" + r.id(),
              null));
    }
    return Optional.of(
        new Panel("re-entry-monitoring", text("monitoring.panel.title", locale), null, rows));
  }

  private String text(String key, Locale locale, String... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
