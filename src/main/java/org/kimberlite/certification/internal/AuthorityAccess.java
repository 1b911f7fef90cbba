package org.kimberlite.certification.internal;

import java.util.Optional;
import org.kimberlite.certification.ChangeOutcome;
import org.kimberlite.certification.NotAllowed;
import org.kimberlite.certification.NotFound;
import org.kimberlite.certification.internal.CertificateRepository.Stored;
import org.kimberlite.certification.internal.CertificateRepository.Viewer;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;

/**
 * The first step of every status change by an authority: the certificate locked until the
 * transaction ends, if the caller is an authority that may see it. A certificate the caller may not
 * see answers as one that does not exist: a 403 would tell a stranger that the number exists.
 */
public final class AuthorityAccess {
  private AuthorityAccess() {}

  /** Either the locked certificate or the outcome that refuses the change. */
  public sealed interface Access {
    record Locked(Stored stored) implements Access {}

    record Refused(ChangeOutcome outcome) implements Access {}
  }

  public static Access lock(CertificateRepository repository, Caller caller, String number) {
    if (!caller.has(OrganisationRole.KP_AUTHORITY)) {
      return new Access.Refused(NotAllowed.notAnAuthority());
    }
    Optional<Stored> found = repository.lock(number);
    if (found.isEmpty() || !Viewer.of(caller).canSee(found.get().certificate())) {
      return new Access.Refused(new NotFound(number));
    }
    return new Access.Locked(found.get());
  }
}
