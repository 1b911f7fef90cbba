package org.kimberlite.federation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Jwk;
import org.kimberlite.registry.KeyStatus;
import org.kimberlite.registry.TrustList;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.json.CanonicalJson;

/** Keys, directories and deliveries made by hand, for the policies' unit tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private Fixtures() {}

  /** An Ed25519 key from a one-byte seed. */
  record Key(byte[] seed) {
    static Key of(int n) {
      byte[] seed = new byte[32];
      seed[0] = (byte) n;
      seed[31] = 7;
      return new Key(seed);
    }

    byte[] publicKey() {
      return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }

    String x() {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey());
    }

    String kid() {
      return Jwk.thumbprint(publicKey());
    }

    byte[] sign(byte[] message) {
      Ed25519Signer s = new Ed25519Signer();
      s.init(true, new Ed25519PrivateKeyParameters(seed, 0));
      s.update(message, 0, message.length);
      return s.generateSignature();
    }

    /** A JWS (EdDSA) of {@code payload} with this key's kid. */
    String jws(String typ, byte[] payload) {
      Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
      Map<String, String> header = new LinkedHashMap<>();
      header.put("alg", "EdDSA");
      header.put("kid", kid());
      header.put("typ", typ);
      String input =
          b.encodeToString(CanonicalJson.bytes(header)) + "." + b.encodeToString(payload);
      return input + "." + b.encodeToString(sign(input.getBytes(StandardCharsets.US_ASCII)));
    }
  }

  /** One node: its transport, trust-list, log and authority keys. */
  record Node(
      String id,
      ParticipantCode participant,
      Key transport,
      Key trustList,
      NoteSigner log,
      Key authority) {
    static Node of(String id, String participant, int n) {
      return new Node(
          id,
          ParticipantCode.of(participant),
          Key.of(n),
          Key.of(n + 1),
          NoteSigner.fromSeed(id + ".example/log", Key.of(n + 2).seed()),
          Key.of(n + 3));
    }

    DirectoryNode listing(@Nullable Instant revokedAt) {
      return new DirectoryNode(
          id,
          participant.code(),
          "https://" + id + ".example",
          log.name(),
          log.vkey(),
          trustList.x(),
          List.of(participant),
          List.of(new NodeKey(transport.kid(), transport.x(), T0, revokedAt)));
    }

    DirectoryNode listing() {
      return listing(null);
    }

    /** Its trust list: its one authority key, signed with its trust-list key. */
    String trustListJws() {
      TrustList list =
          new TrustList(
              "https://" + id + ".example",
              T0,
              List.of(
                  new TrustList.TrustedKey(
                      authority.kid(),
                      participant,
                      UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)),
                      "KP authority of " + participant.code(),
                      authority.publicKey(),
                      KeyStatus.ACTIVE,
                      T0,
                      null,
                      null,
                      null)));
      return trustList.jws(TrustList.TYPE, list.toJson().getBytes(StandardCharsets.UTF_8));
    }
  }

  static Directory directory(long version, DirectoryNode... nodes) {
    return new Directory(version, "https://secretariat.example", T0, List.of(nodes));
  }

  /** The certificate record an authority of {@code from} issued to {@code importing}. */
  static Map<String, @Nullable Object> certificate(
      String number, Node from, String importing, Key signer) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("number", number);
    m.put("issuingParticipant", from.participant().code());
    m.put("importingParticipant", importing);
    m.put("carats", "1250.40");
    m.put("parcels", 3);
    m.put("zone", null);
    m.put("signature", signer.jws("kp-certificate+jws", unsigned(m)));
    return m;
  }

  static byte[] unsigned(Map<String, @Nullable Object> record) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(record);
    copy.remove("signature");
    return CanonicalJson.bytes(copy);
  }

  /** The parts of a delivery, each replaceable by a test before it is put together. */
  static final class Parts {
    UUID id = UUID.randomUUID();
    String from;
    DeliveryKind kind = DeliveryKind.ISSUED;
    String number;
    String record;
    byte[] salt = new byte[32];
    String entryType = CertificateRecords.CERTIFICATE;
    String entryId;
    byte @Nullable [] entry;
    NoteSigner logKey;
    String origin;
    String trustList;

    Parts(Node sender, Map<String, @Nullable Object> record) {
      this.from = sender.id();
      this.number = String.valueOf(record.get("number"));
      this.entryId = number;
      this.record = CanonicalJson.string(record);
      this.logKey = sender.log();
      this.origin = sender.log().name();
      this.trustList = sender.trustListJws();
      salt[3] = 9;
    }

    byte[] entry() {
      if (entry != null) {
        return entry;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("type", entryType);
      e.put("id", entryId);
      e.put("issuer", "authority");
      e.put("time", T0.toString());
      e.put("digest", TransparencyLog.digest(salt, record));
      return CanonicalJson.bytes(e);
    }

    /** A proof of the entry as the second leaf of a two-entry log. */
    String proof() {
      byte[] leaf = Rfc6962.leafHash(entry());
      byte[] other = Rfc6962.leafHash("other".getBytes(StandardCharsets.UTF_8));
      byte[] root = Rfc6962.nodeHash(other, leaf);
      String note = new Checkpoint(origin, 2, root).sign(logKey);
      List<byte[]> path = new ArrayList<>();
      path.add(other);
      return new TlogProof(null, 1, path, note).format();
    }

    byte[] body() {
      return DeliveryDocuments.toJson(
          id, from, kind, number, record, salt, entry(), proof(), trustList);
    }

    Delivery delivery() {
      return DeliveryDocuments.fromJson(body());
    }
  }
}
