package org.kimberlite.registry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * A panel that a module higher up adds to a participant's public page ({@code
 * /participants/{code}}), so that the registry shows what other modules know of the participant
 * without depending on them. Each bean is asked in {@link #order()} order; what it shows may depend
 * on who is asking (anonymous when {@code caller} is null), and it shows nothing by answering
 * empty.
 */
public interface ParticipantPanel {
  /** The panel for the participant, as the caller may see it, in the page's language. */
  Optional<Panel> panel(ParticipantCode participant, @Nullable Caller caller, Locale locale);

  /** Where the panel comes among the others: lower first. */
  default int order() {
    return 0;
  }

  /**
   * What the page shows: a heading and rows.
   *
   * @param id the section's HTML id (letters, digits and hyphens)
   * @param note a line under the heading, or {@code null}
   */
  record Panel(String id, String title, @Nullable String note, List<Row> rows) {
    public Panel {
      if (!id.matches("[a-z][a-z0-9-]{0,40}")) {
        throw new IllegalArgumentException("a panel id of lower-case letters, digits, hyphens");
      }
      rows = List.copyOf(rows);
    }
  }

  /**
   * One row: its text, a link (a path on this site) or {@code null}, and a short mark shown beside
   * it as a warning (such as "overdue"), or {@code null}.
   */
  record Row(String text, @Nullable String href, @Nullable String mark) {
    public Row {
      if (href != null && !href.startsWith("/")) {
        throw new IllegalArgumentException("a panel links to a path on this site");
      }
    }
  }
}
