package org.kimberlite.diligence.internal.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.CustodyFindings.SystemFlag;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.Severity;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;

/**
 * SOW-03 and LGD-04 from custody's profile checks. SOW-03: a seller without a current SoW
 * registration ID gave a warranty — a finding of the capturing organisation on the event. LGD-04:
 * goods declared natural were screened laboratory-grown — a finding on every upstream holder (as
 * custody's provenance trace names them), one each, and on the screener.
 */
@Policy(rules = {"SOW-03", "LGD-04"})
public final class CustodyFlagPolicy {
  private CustodyFlagPolicy() {}

  /** An upstream holder of the screened goods. */
  public record Holder(UUID id, String name, @Nullable ParticipantCode participant) {}

  public static Optional<Flag> sow03(SystemFlag f, @Nullable ParticipantCode participant) {
    if (!f.rule().equals("SOW-03")) {
      return Optional.empty();
    }
    return Optional.of(
        new Flag(
            "SOW-03",
            Severity.MEDIUM,
            f.eventHash(),
            f.message(),
            List.of(Links.event(f.eventHash(), f.eventId())),
            Set.of(f.organisationId()),
            participant == null ? Set.of() : Set.of(participant)));
  }

  public static List<Flag> lgd04(SystemFlag f, List<Holder> upstream) {
    if (!f.rule().equals("LGD-04")) {
      return List.of();
    }
    List<Flag> out = new ArrayList<>();
    for (Holder h : upstream) {
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(Links.event(f.eventHash(), f.eventId()));
      evidence.add(Links.organisation(h.id(), h.name()));
      out.add(
          new Flag(
              "LGD-04",
              Severity.HIGH,
              f.eventHash() + ":" + h.id(),
              "Goods declared natural that "
                  + h.name()
                  + " held upstream were screened laboratory-grown: "
                  + f.message(),
              evidence,
              h.id().equals(f.organisationId())
                  ? Set.of(h.id())
                  : Set.of(h.id(), f.organisationId()),
              h.participant() == null ? Set.of() : Set.of(h.participant())));
    }
    return out;
  }
}
