package org.kimberlite.certification.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.registry.Organisation;
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
    Set<UUID> audience = new LinkedHashSet<>();
    audience.add(c.issuingAuthority().organisationId());
    audience.add(c.exporter().organisationId());
    audience.add(c.importer().organisationId());
    ParticipantCode importing = c.importingParticipant();
    for (Organisation o : organisations.directory()) {
      if (o.has(OrganisationRole.KP_AUTHORITY) && importing.equals(o.participant())) {
        audience.add(o.id());
      }
    }
    return audience;
  }
}
