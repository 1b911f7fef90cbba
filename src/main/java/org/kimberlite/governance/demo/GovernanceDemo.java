package org.kimberlite.governance.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.Body;
import org.kimberlite.governance.MembershipChange;
import org.kimberlite.governance.Memberships;
import org.kimberlite.governance.Seat;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.DemoSignIns;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Service;

/**
 * The demo world's governance: the Working Group on Monitoring (South Africa in the chair, the EU
 * vice-chair, as on the KP's page) and a monitoring team for the Central African Republic, then
 * every {@link GovernanceDemoStep}.
 */
@Service
public class GovernanceDemo {
  private final Memberships memberships;
  private final DemoSignIns accounts;
  private final List<GovernanceDemoStep> steps;

  GovernanceDemo(Memberships memberships, DemoSignIns accounts, List<GovernanceDemoStep> steps) {
    this.memberships = memberships;
    this.accounts = accounts;
    this.steps = List.copyOf(steps);
  }

  /** Creates the demo's governance part; one summary line per part. */
  public List<String> create(List<DemoAccount> demoAccounts) {
    Map<String, Caller> callers = new HashMap<>();
    Map<String, UUID> organisations = new HashMap<>();
    for (DemoAccount a : demoAccounts) {
      accounts.signIn(a).ifPresent(c -> callers.put(a.username(), c));
      organisations.put(a.username(), a.organisationId());
    }
    Caller secretariat = callers.get("kp-secretariat");
    List<String> out = new ArrayList<>();
    if (secretariat == null) {
      return out;
    }
    int seats = 0;
    seats +=
        seat(
            secretariat,
            Body.WORKING_GROUP_ON_MONITORING,
            null,
            organisations.get("kp-za"),
            Seat.CHAIR);
    seats +=
        seat(
            secretariat,
            Body.WORKING_GROUP_ON_MONITORING,
            null,
            organisations.get("kp-eu-be"),
            Seat.VICE_CHAIR);
    seats +=
        seat(
            secretariat,
            Body.WORKING_GROUP_ON_MONITORING,
            null,
            organisations.get("kp-ca"),
            Seat.MEMBER);
    ParticipantCode car = ParticipantCode.of("CF");
    seats += seat(secretariat, Body.MONITORING_TEAM, car, organisations.get("kp-za"), Seat.CHAIR);
    seats +=
        seat(secretariat, Body.MONITORING_TEAM, car, organisations.get("kp-eu-be"), Seat.MEMBER);
    seats += seat(secretariat, Body.MONITORING_TEAM, car, organisations.get("kp-ae"), Seat.MEMBER);
    out.add(seats + " seats on the Working Group on Monitoring and the CAR monitoring team.");
    for (GovernanceDemoStep step : steps) {
      out.add(step.create(callers));
    }
    return out;
  }

  private int seat(
      Caller secretariat,
      Body body,
      @Nullable ParticipantCode concerning,
      @Nullable UUID organisation,
      Seat seat) {
    if (organisation == null) {
      return 0;
    }
    return memberships.appoint(secretariat, body, concerning, organisation, seat)
            instanceof MembershipChange.Recorded
        ? 1
        : 0;
  }
}
