package org.kimberlite.governance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.ActionItem;
import org.kimberlite.governance.ReviewVisit;
import org.kimberlite.governance.ReviewVisitId;
import org.kimberlite.registry.AuditTrail;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates the actions of visits' plans that are overdue: each one once, marked on the action and
 * recorded in the audit trail on behalf of the secretariat that planned the visit, so that the
 * secretariat and the Working Group on Monitoring find it on their list. The server runs it on a
 * schedule ({@link ReviewVisitSchedule}).
 */
@Component
public class ReviewVisitEscalation {
  /** The account id the audit trail shows for the escalation job. */
  static final UUID JOB_ACCOUNT = new UUID(0, 0);

  private final ReviewVisitRepository repository;
  private final AuditTrail audit;
  private final Clock clock;

  public ReviewVisitEscalation(ReviewVisitRepository repository, AuditTrail audit, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  /** Escalates what is overdue and not yet escalated; how many actions were escalated. */
  @Transactional
  public int escalate() {
    LocalDate today = LocalDate.now(clock);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int escalated = 0;
    for (ReviewVisitId id : repository.withOverdueActions(today, true, 1000)) {
      ReviewVisit v = repository.lock(id).orElse(null);
      if (v == null) {
        continue;
      }
      for (ActionItem a : v.actions()) {
        if (a.escalatedAt() == null
            && ReviewVisitPolicy.overdue(a.dueOn(), a.closed(), today)
            && repository.markEscalated(id, a.number(), at)) {
          Map<String, @Nullable Object> d = new LinkedHashMap<>();
          d.put("participant", v.participant().code());
          d.put("action", a.number());
          d.put("dueOn", a.dueOn().toString());
          audit.record(
              job(v), "governance.review-visit-action-escalated", id + "/" + a.number(), d);
          escalated++;
        }
      }
    }
    return escalated;
  }

  /** The job, acting for the secretariat's organisation that planned the visit. */
  private static Caller job(ReviewVisit v) {
    return new Caller(
        JOB_ACCOUNT,
        "governance-escalation",
        v.plannedByOrganisation(),
        "",
        Set.of(OrganisationRole.KP_SECRETARIAT),
        null,
        false);
  }
}
