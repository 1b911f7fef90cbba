package org.kimberlite.registry;

import java.util.Arrays;
import java.util.UUID;
import org.kimberlite.shared.ParticipantCode;

/**
 * A JWS whose EdDSA signature verified with a known, unrevoked authority key.
 *
 * @param kid the key that signed
 * @param organisationId the authority the key belongs to
 * @param participant the KP participant the authority acts for
 * @param type the protected header's {@code typ}
 * @param payload the signed bytes
 * @param keyStatus ACTIVE, or RETIRED for a signature made before the key was rotated
 */
public record Verified(
    String kid,
    UUID organisationId,
    ParticipantCode participant,
    String type,
    byte[] payload,
    KeyStatus keyStatus) {

  public Verified {
    payload = payload.clone();
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
        && v.keyStatus == keyStatus;
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
