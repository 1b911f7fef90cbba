package org.kimberlite.diligence.internal.policies;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.diligence.Severity;
import org.kimberlite.shared.Policy;

/**
 * KP-09: the seal the importing authority found on the container differs from the seal recorded at
 * issue — the container may have been opened in transit. No seal reported is no finding (the
 * confirmation rules decide whether one is required).
 */
@Policy(rules = "KP-09")
public final class SealPolicy {
  private SealPolicy() {}

  public static Optional<Flag> evaluate(KpCertificate c, @Nullable String receivedSeal) {
    if (receivedSeal == null || receivedSeal.isBlank()) {
      return Optional.empty();
    }
    if (receivedSeal.strip().equals(c.sealId().strip())) {
      return Optional.empty();
    }
    return Optional.of(
        new Flag(
            "KP-09",
            Severity.HIGH,
            c.number(),
            "Seal "
                + receivedSeal.strip()
                + " found at import on "
                + c.number()
                + " differs from seal "
                + c.sealId()
                + " recorded at issue",
            List.of(Links.certificate(c.number())),
            Set.of(
                c.exporter().organisationId(),
                c.importer().organisationId(),
                c.issuingAuthority().organisationId()),
            Set.of(c.issuingParticipant(), c.importingParticipant())));
  }
}
