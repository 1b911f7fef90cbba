package org.kimberlite.certification.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Component;

/** Who may read a certificate's record in the log: its parties and the two authorities. */
@Component
public class CertificateAudience {
  private final Organisations organisations;

  public CertificateAudience(Organisations organisations) {
    this.organisations = organisations;
  }

  public Set<UUID> of(KpCertificate c) {
    return of(
        c.issuingAuthority().organisationId(),
        c.exporter().organisationId(),
        c.importer().organisationId(),
        c.importingParticipant());
  }

  /**
   * The same audience from the parties alone, before the certificate has a number: issuing works it
   * out before it takes the authority's next number, so as to hold that number for less time.
   */
  public Set<UUID> of(
      UUID issuingAuthority, UUID exporter, UUID importer, ParticipantCode importing) {
    Set<UUID> audience = new LinkedHashSet<>();
    audience.add(issuingAuthority);
    audience.add(exporter);
    audience.add(importer);
    audience.addAll(organisations.withRole(importing, OrganisationRole.KP_AUTHORITY));
    return audience;
  }
}
