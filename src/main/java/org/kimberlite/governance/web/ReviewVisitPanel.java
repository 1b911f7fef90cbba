package org.kimberlite.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.ActionItem;
import org.kimberlite.governance.ReviewVisit;
import org.kimberlite.governance.ReviewVisitSummary;
import org.kimberlite.governance.ReviewVisits;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.ParticipantPanel;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The participant's page shows its last peer review visit (dates and status, for everyone) and, to
 * those who may see the visit, its open actions with their due dates and overdue marks.
 */
@Component
class ReviewVisitPanel implements ParticipantPanel {
  private final ReviewVisits visits;
  private final MessageSource messages;

  ReviewVisitPanel(ReviewVisits visits, MessageSource messages) {
    this.visits = visits;
    this.messages = messages;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public Optional<Panel> panel(
      ParticipantCode participant, @Nullable Caller caller, Locale locale) {
    Optional<ReviewVisitSummary> latest = visits.latest(participant);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    ReviewVisitSummary s = latest.get();
    Optional<ReviewVisit> whole = caller == null ? Optional.empty() : visits.get(caller, s.id());
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            text(
                "visits.panel.last",
                locale,
                s.startsOn().toString(),
                s.endsOn().toString(),
                text("visits.status." + s.status().name(), locale)),
            whole.isPresent() ? "/console/review-visits/" + s.id() : null,
            null));
    String note = null;
    if (whole.isPresent()) {
      List<ActionItem> open = whole.get().actions().stream().filter(a -> !a.closed()).toList();
      note =
          open.isEmpty()
              ? text("visits.panel.noOpen", locale)
              : text("visits.panel.open", locale, Integer.toString(open.size()));
      for (ActionItem a : open) {
        rows.add(
            new Row(
                text(
                    "visits.panel.action",
                    locale,
                    "A" + a.number(),
                    a.description(),
                    a.dueOn().toString()),
                null,
                a.overdue() ? text("visits.overdue", locale) : null));
      }
    }
    return Optional.of(new Panel("review-visit", text("visits.panel.title", locale), note, rows));
  }

  private String text(String key, Locale locale, String... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
