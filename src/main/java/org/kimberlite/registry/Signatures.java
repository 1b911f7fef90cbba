package org.kimberlite.registry;

import java.util.UUID;
import org.kimberlite.registry.TrustList.TrustedKey;
import org.kimberlite.registry.internal.SealedKeys;
import org.kimberlite.registry.internal.SigningKeyRepository.KeyRow;
import org.kimberlite.shared.problem.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authority signatures: JWS compact serialisations (RFC 7515) with EdDSA over Ed25519 (RFC 8037),
 * protected header {@code {"alg":"EdDSA","kid":<kid>,"typ":<type>}}, signed with the authority's
 * active key and verified against every key the platform knows.
 */
@Service
public class Signatures {
  private static final int MAX_TYPE = 100;

  private final SigningKeys keys;
  private final SealedKeys vault;

  Signatures(SigningKeys keys, SealedKeys vault) {
    this.keys = keys;
    this.vault = vault;
  }

  /**
   * Signs {@code payload} as the authority {@code organisationId}, with its active key (made on its
   * first signature).
   *
   * @param type the {@code typ} header: what the payload is, e.g. {@code kp-certificate+jwt}
   * @throws Problem 404 for an unknown organisation, 403 when it is not a KP authority, 422 for a
   *     bad type
   */
  @Transactional
  public String sign(UUID organisationId, String type, byte[] payload) {
    if (type.isBlank()
        || type.length() > MAX_TYPE
        || !type.chars().allMatch(c -> c > 0x20 && c < 0x7f)
        || type.equals(TrustList.TYPE)) {
      throw Problem.invalid(
          "type", "must be 1 to 100 printable ASCII characters, not a trust list");
    }
    KeyRow key = keys.activeRow(organisationId);
    if (key.status() != KeyStatus.ACTIVE) {
      throw new IllegalStateException(
          "Key " + key.kid() + " is " + key.status() + ": it signs nothing");
    }
    return Jws.sign(Jws.header(key.kid(), type), payload, input -> vault.sign(key, input));
  }

  /**
   * Verifies an authority's JWS: strict parse, EdDSA only, key by kid among all authority keys,
   * signature, and refusal when the key is revoked. Signatures of a retired key still verify, with
   * {@link KeyStatus#RETIRED}.
   *
   * @throws SignatureException with the reason for the refusal
   */
  @Transactional(readOnly = true)
  public Verified verify(String compactJws) {
    return verify(compactJws, SigningTime.UNKNOWN);
  }

  /**
   * Verifies an authority's JWS as {@link #verify(String)}, and accepts a signature of a revoked
   * key when {@code signingTime} shows it was made before the key's compromise (marked {@value
   * Verified#SIGNED_WITH_KEY_LATER_REVOKED}).
   *
   * @throws SignatureException with the reason for the refusal
   */
  @Transactional(readOnly = true)
  public Verified verify(String compactJws, SigningTime signingTime) {
    return OfflineVerifier.verify(
        compactJws, kid -> keys.authorityRow(kid).map(Signatures::trusted), signingTime);
  }

  static TrustedKey trusted(KeyRow row) {
    SigningKey key = SigningKeys.key(row);
    return new TrustedKey(
        key.kid(),
        key.participant(),
        key.organisationId(),
        row.organisationName() == null ? "" : row.organisationName(),
        key.publicKey(),
        key.status(),
        key.createdAt(),
        key.retiredAt(),
        key.revokedAt(),
        key.compromisedAt());
  }
}
