package org.kimberlite.registry;

import java.time.Instant;
import java.util.Objects;
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
    return verify(compactJws, trustList::key, SigningTime.UNKNOWN);
  }

  /**
   * Verifies {@code compactJws} against the keys of {@code trustList}; a signature of a revoked key
   * is accepted, marked {@value Verified#SIGNED_WITH_KEY_LATER_REVOKED}, when {@code signingTime}
   * shows it was made before the key's compromise time.
   *
   * @throws SignatureException MALFORMED, WRONG_ALGORITHM, UNKNOWN_KEY, BAD_SIGNATURE or
   *     REVOKED_KEY
   */
  public static Verified verify(String compactJws, TrustList trustList, SigningTime signingTime) {
    return verify(compactJws, trustList::key, signingTime);
  }

  /** The one verification: strict parse, key by kid, EdDSA signature, then revocation. */
  static Verified verify(
      String compactJws, Function<String, Optional<TrustedKey>> keys, SigningTime signingTime) {
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
    Verified.LaterRevoked mark = null;
    if (key.status() == KeyStatus.REVOKED) {
      Instant revoked = Objects.requireNonNull(key.revokedAt());
      Instant compromised = key.compromisedAt() == null ? key.createdAt() : key.compromisedAt();
      Optional<Instant> madeBy = signingTime.madeBy(typ, jws.payload());
      String revocation =
          "The key "
              + kid
              + " was revoked on "
              + revoked
              + ", compromised from "
              + compromised
              + "; ";
      if (madeBy.isEmpty()) {
        throw new SignatureException(
            Reason.REVOKED_KEY,
            revocation + "nothing shows this signature was made before the compromise");
      }
      if (!madeBy.get().isBefore(compromised)) {
        throw new SignatureException(
            Reason.REVOKED_KEY,
            revocation + "this signature is not shown to be older (made by " + madeBy.get() + ")");
      }
      mark = new Verified.LaterRevoked(revoked, compromised, madeBy.get());
    }
    return new Verified(
        kid, key.organisationId(), key.participant(), typ, jws.payload(), key.status(), mark);
  }
}
