package org.kimberlite.registry;

import java.util.Optional;
import java.util.function.Function;
import org.kimberlite.registry.SignatureException.Reason;
import org.kimberlite.registry.TrustList.TrustedKey;

/**
 * Verifies an authority's JWS with nothing but a trust list: no database, no network. Get the list
 * from {@code /api/v1/trust-list}, check it with {@link TrustList#parse} and the platform key, then
 * verify signatures against it for as long as the list is fresh enough for you.
 */
public final class OfflineVerifier {
  private OfflineVerifier() {}

  /**
   * Verifies {@code compactJws} against the keys of {@code trustList}.
   *
   * @throws SignatureException MALFORMED, WRONG_ALGORITHM, UNKNOWN_KEY, BAD_SIGNATURE or
   *     REVOKED_KEY
   */
  public static Verified verify(String compactJws, TrustList trustList) {
    return verify(compactJws, trustList::key);
  }

  /** The one verification: strict parse, key by kid, EdDSA signature, then revocation. */
  static Verified verify(String compactJws, Function<String, Optional<TrustedKey>> keys) {
    Jws.Parsed jws = Jws.parse(compactJws);
    String kid = jws.kid();
    String typ = jws.typ();
    if (kid == null || typ == null) {
      throw SignatureException.malformed("The protected header must name its kid and typ");
    }
    if (TrustList.TYPE.equals(typ)) {
      throw SignatureException.malformed("A trust list is not an authority's signature");
    }
    TrustedKey key =
        keys.apply(kid)
            .orElseThrow(
                () -> new SignatureException(Reason.UNKNOWN_KEY, "No authority key " + kid));
    Jws.verify(jws, key.publicKey());
    if (key.status() == KeyStatus.REVOKED) {
      throw new SignatureException(
          Reason.REVOKED_KEY, "The key " + kid + " was revoked on " + key.revokedAt());
    }
    return new Verified(
        kid, key.organisationId(), key.participant(), typ, jws.payload(), key.status());
  }
}
