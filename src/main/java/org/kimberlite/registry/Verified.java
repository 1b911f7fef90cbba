package org.kimberlite.registry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * A JWS whose EdDSA signature verified with a known authority key: active, retired, or revoked with
 * the signature shown to be older than the key's compromise ({@link #laterRevoked}, reported as the
 * warning {@value #SIGNED_WITH_KEY_LATER_REVOKED}).
 *
 * @param kid the key that signed
 * @param organisationId the authority the key belongs to
 * @param participant the KP participant the authority acts for
 * @param type the protected header's {@code typ}
 * @param payload the signed bytes
 * @param keyStatus ACTIVE; RETIRED for a signature made before the key was rotated; REVOKED for a
 *     signature made before the key's compromise
 * @param laterRevoked for a REVOKED key, its revocation and what showed the signature is older
 */
public record Verified(
    String kid,
    UUID organisationId,
    ParticipantCode participant,
    String type,
    byte[] payload,
    KeyStatus keyStatus,
    @Nullable LaterRevoked laterRevoked) {

  /** The warning of a valid signature made with a key revoked since. */
  public static final String SIGNED_WITH_KEY_LATER_REVOKED = "signed-with-key-later-revoked";

  /**
   * The revocation of the key that made a still-valid signature.
   *
   * @param revokedAt when the key was revoked
   * @param compromisedAt from when its signatures are refused
   * @param signedBy the latest time the signature can have been made, as the evidence shows
   */
  public record LaterRevoked(Instant revokedAt, Instant compromisedAt, Instant signedBy) {}

  public Verified {
    payload = payload.clone();
    if ((keyStatus == KeyStatus.REVOKED) != (laterRevoked != null)) {
      throw new IllegalArgumentException("A revoked key's signature verifies only marked");
    }
  }

  /** A signature of an active or retired key. */
  public Verified(
      String kid,
      UUID organisationId,
      ParticipantCode participant,
      String type,
      byte[] payload,
      KeyStatus keyStatus) {
    this(kid, organisationId, participant, type, payload, keyStatus, null);
  }

  /** The warnings to show with the verdict: {@value #SIGNED_WITH_KEY_LATER_REVOKED} or none. */
  public List<String> warnings() {
    return laterRevoked == null ? List.of() : List.of(SIGNED_WITH_KEY_LATER_REVOKED);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Verified v
        && v.kid.equals(kid)
        && v.organisationId.equals(organisationId)
        && v.participant.equals(participant)
        && v.type.equals(type)
        && Arrays.equals(v.payload, payload)
        && v.keyStatus == keyStatus
        && Objects.equals(v.laterRevoked, laterRevoked);
  }

  @Override
  public int hashCode() {
    return kid.hashCode() * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "Verified[" + type + " by " + participant + " key " + kid + " " + keyStatus + "]";
  }
}
