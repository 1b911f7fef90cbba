package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.federation.DirectoryDecision.Reason;
import org.kimberlite.federation.Fixtures.Key;
import org.kimberlite.federation.Fixtures.Node;
import org.kimberlite.shared.ParticipantCode;

/** FED-01 to FED-03: which directory a node accepts, and which key may sign for which node. */
class DirectoryPolicyTest {
  static final Key SECRETARIAT = Key.of(100);
  static final Node BW = Node.of("botswana", "BW", 10);
  static final Node EU = Node.of("eu", "EU", 20);

  static String signed(Directory d) {
    return SECRETARIAT.jws(Directory.TYPE, DirectoryDocuments.toJson(d));
  }

  static Directory v(long version) {
    return Fixtures.directory(version, BW.listing(), EU.listing());
  }

  @Test
  void theFirstDirectorySignedByTheSecretariatIsAccepted() {
    DirectoryDecision d = DirectoryPolicy.accept(null, signed(v(1)), SECRETARIAT.publicKey());
    assertThat(d).isEqualTo(new DirectoryDecision.Accepted(v(1)));
    assertThat(((DirectoryDecision.Accepted) d).directory().serving(ParticipantCode.of("EU")))
        .map(DirectoryNode::id)
        .contains("eu");
  }

  @Test
  void fed01ADirectorySignedByAnotherKeyOrChangedIsRefused() {
    String other = Key.of(101).jws(Directory.TYPE, DirectoryDocuments.toJson(v(1)));
    assertThat(DirectoryPolicy.accept(null, other, SECRETARIAT.publicKey()))
        .isInstanceOfSatisfying(
            DirectoryDecision.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    String jws = signed(v(1));
    String[] parts = java.util.regex.Pattern.compile("\\.").split(jws, -1);
    String changed =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(DirectoryDocuments.toJson(v(2)))
            + "."
            + parts[2];
    assertThat(DirectoryPolicy.accept(null, changed, SECRETARIAT.publicKey()))
        .isInstanceOfSatisfying(
            DirectoryDecision.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    String trustListTyped =
        SECRETARIAT.jws("kimberlite-trust-list+jwt", DirectoryDocuments.toJson(v(1)));
    assertThat(DirectoryPolicy.accept(null, trustListTyped, SECRETARIAT.publicKey()))
        .isInstanceOf(DirectoryDecision.Refused.class);
  }

  @Test
  void fed02AnOlderVersionIsRefusedTheSameIsUnchangedANewerAccepted() {
    Directory held = v(5);
    assertThat(DirectoryPolicy.accept(held, signed(v(4)), SECRETARIAT.publicKey()))
        .isInstanceOfSatisfying(
            DirectoryDecision.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.ROLLBACK));
    assertThat(DirectoryPolicy.accept(held, signed(v(5)), SECRETARIAT.publicKey()))
        .isEqualTo(new DirectoryDecision.Unchanged(held));
    assertThat(DirectoryPolicy.accept(held, signed(v(6)), SECRETARIAT.publicKey()))
        .isEqualTo(new DirectoryDecision.Accepted(v(6)));
    Directory fork = Fixtures.directory(5, BW.listing());
    assertThat(DirectoryPolicy.accept(held, signed(fork), SECRETARIAT.publicKey()))
        .isInstanceOfSatisfying(
            DirectoryDecision.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.FORK));
  }

  @Test
  void aDirectoryBreakingItsRulesIsRefusedEvenWhenSigned() {
    DirectoryNode twice =
        new DirectoryNode(
            "eu2",
            "EU",
            "https://eu2.example",
            EU.log().name(),
            EU.log().vkey(),
            EU.trustList().x(),
            List.of(ParticipantCode.of("BW")),
            List.of(new NodeKey(Key.of(30).kid(), Key.of(30).x(), Fixtures.T0, null)));
    Directory bad = Fixtures.directory(2, BW.listing(), twice);
    assertThat(DirectoryPolicy.accept(v(1), signed(bad), SECRETARIAT.publicKey()))
        .isInstanceOfSatisfying(
            DirectoryDecision.Refused.class,
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.INVALID);
              assertThat(r.detail()).contains("FED-03").contains("BW");
            });
    assertThat(
            DirectoryPolicy.accept(
                null,
                SECRETARIAT.jws(Directory.TYPE, "{\"version\":1}".getBytes(StandardCharsets.UTF_8)),
                SECRETARIAT.publicKey()))
        .isInstanceOfSatisfying(
            DirectoryDecision.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void theRulesOfTheDirectoryAreCheckedAtTheirBoundaries() {
    assertThat(DirectoryPolicy.check(List.of(BW.listing(), EU.listing()))).isEmpty();
    DirectoryNode n = BW.listing();
    NodeKey k = n.keys().get(0);
    assertThat(DirectoryPolicy.check(List.of(n, n))).anyMatch(s -> s.contains("listed twice"));
    assertThat(
            DirectoryPolicy.check(
                List.of(
                    new DirectoryNode(
                        "Botswana",
                        n.operator(),
                        n.url(),
                        n.logOrigin(),
                        n.logVkey(),
                        n.trustListKey(),
                        n.participants(),
                        n.keys()))))
        .anyMatch(s -> s.contains("lowercase"));
    assertThat(
            DirectoryPolicy.check(
                List.of(
                    new DirectoryNode(
                        n.id(),
                        "someone",
                        "ftp://x",
                        n.logOrigin(),
                        "not a key",
                        "short",
                        n.participants(),
                        List.of()))))
        .hasSize(5);
    NodeKey wrongKid = new NodeKey(Key.of(31).kid(), k.x(), k.from(), null);
    NodeKey revokedAtStart = new NodeKey(k.kid(), k.x(), k.from(), k.from());
    NodeKey revokedJustAfter = new NodeKey(k.kid(), k.x(), k.from(), k.from().plusMillis(1));
    assertThat(DirectoryPolicy.check(List.of(with(n, wrongKid))))
        .anyMatch(s -> s.contains("thumbprint"));
    assertThat(DirectoryPolicy.check(List.of(with(n, revokedAtStart))))
        .anyMatch(s -> s.contains("revoked before it starts"));
    assertThat(DirectoryPolicy.check(List.of(with(n, revokedJustAfter)))).isEmpty();
    assertThat(
            DirectoryPolicy.check(
                List.of(
                    new DirectoryNode(
                        n.id(),
                        "industry:World Diamond Council",
                        n.url(),
                        n.logOrigin(),
                        n.logVkey(),
                        n.trustListKey(),
                        List.of(),
                        n.keys()),
                    new DirectoryNode(
                        "secretariat",
                        "secretariat",
                        "http://127.0.0.1:8080",
                        EU.log().name(),
                        EU.log().vkey(),
                        EU.trustList().x(),
                        List.of(),
                        EU.listing().keys()))))
        .isEmpty();
  }

  @Test
  void aWitnessKeyIsOptionalAndCheckedWhenListed() {
    org.kimberlite.ledger.Cosigner witness =
        org.kimberlite.ledger.Cosigner.fromSeed("botswana.example/witness", Key.of(70).seed());
    DirectoryNode n = BW.listing();
    DirectoryNode withWitness = withWitness(n, witness.vkey());
    // a directory signed before witness keys were listed reads and verifies as it did
    String old = signed(v(1));
    assertThat(new String(DirectoryDocuments.toJson(v(1)), StandardCharsets.UTF_8))
        .doesNotContain("witnessVkey");
    assertThat(DirectoryPolicy.accept(null, old, SECRETARIAT.publicKey()))
        .isInstanceOf(DirectoryDecision.Accepted.class);
    // listed: read back the same, and accepted as the next version
    Directory v2 = Fixtures.directory(2, withWitness, EU.listing());
    assertThat(DirectoryDocuments.fromJson(DirectoryDocuments.toJson(v2))).isEqualTo(v2);
    assertThat(DirectoryPolicy.accept(v(1), signed(v2), SECRETARIAT.publicKey()))
        .isEqualTo(new DirectoryDecision.Accepted(v2));
    assertThat(DirectoryPolicy.check(List.of(withWitness))).isEmpty();
    // a log key is not a witness key; a witness or a log named for two nodes is refused
    assertThat(DirectoryPolicy.check(List.of(withWitness(n, BW.log().vkey()))))
        .containsExactly("node botswana: witnessVkey is not a cosignature/v1 verifier key");
    assertThat(DirectoryPolicy.check(List.of(withWitness(n, ""))))
        .containsExactly("node botswana: witnessVkey is not a cosignature/v1 verifier key");
    DirectoryNode eu = EU.listing();
    DirectoryNode euSameWitness =
        withWitness(
            eu,
            org.kimberlite.ledger.Cosigner.fromSeed("botswana.example/witness", Key.of(71).seed())
                .vkey());
    assertThat(DirectoryPolicy.check(List.of(withWitness, euSameWitness)))
        .containsExactly("node eu: witness botswana.example/witness is another node's");
    DirectoryNode euSameLog =
        new DirectoryNode(
            eu.id(),
            eu.operator(),
            eu.url(),
            n.logOrigin(),
            eu.logVkey(),
            eu.trustListKey(),
            eu.participants(),
            eu.keys());
    assertThat(DirectoryPolicy.check(List.of(n, euSameLog)))
        .containsExactly("node eu: logOrigin botswana.example/log is another node's");
    // unknown members stay refused
    assertThat(
            DirectoryPolicy.accept(
                null,
                SECRETARIAT.jws(
                    Directory.TYPE,
                    new String(DirectoryDocuments.toJson(v2), StandardCharsets.UTF_8)
                        .replace("\"witnessVkey\"", "\"witnessKey\"")
                        .getBytes(StandardCharsets.UTF_8)),
                SECRETARIAT.publicKey()))
        .isInstanceOfSatisfying(
            DirectoryDecision.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
  }

  static DirectoryNode withWitness(
      DirectoryNode n, @org.jspecify.annotations.Nullable String witnessVkey) {
    return withWitness(n, witnessVkey, n.keys());
  }

  static DirectoryNode withWitness(
      DirectoryNode n, @org.jspecify.annotations.Nullable String witnessVkey, List<NodeKey> keys) {
    return new DirectoryNode(
        n.id(),
        n.operator(),
        n.url(),
        n.logOrigin(),
        n.logVkey(),
        n.trustListKey(),
        n.participants(),
        keys,
        witnessVkey);
  }

  static DirectoryNode with(DirectoryNode n, NodeKey key) {
    return withWitness(n, n.witnessVkey(), List.of(key));
  }

  @Test
  void fed03OnlyAListedKeySignsAndOnlyWhileValid() {
    Key old = Key.of(40);
    java.time.Instant rotated = Fixtures.T0.plus(Duration.ofDays(30));
    DirectoryNode bw =
        new DirectoryNode(
            "botswana",
            "BW",
            "https://botswana.example",
            BW.log().name(),
            BW.log().vkey(),
            BW.trustList().x(),
            List.of(ParticipantCode.of("BW")),
            List.of(
                new NodeKey(old.kid(), old.x(), Fixtures.T0, rotated),
                new NodeKey(BW.transport().kid(), BW.transport().x(), rotated, null)));
    Directory d = Fixtures.directory(3, bw, EU.listing());
    assertThat(DirectoryPolicy.sender(d, old.kid(), rotated.minusMillis(1)))
        .isInstanceOf(NodeCheck.Listed.class);
    assertThat(DirectoryPolicy.sender(d, old.kid(), rotated)).isInstanceOf(NodeCheck.Invalid.class);
    assertThat(DirectoryPolicy.sender(d, BW.transport().kid(), rotated.minusMillis(1)))
        .isInstanceOf(NodeCheck.Invalid.class);
    assertThat(DirectoryPolicy.sender(d, BW.transport().kid(), rotated))
        .isInstanceOfSatisfying(
            NodeCheck.Listed.class, l -> assertThat(l.node().id()).isEqualTo("botswana"));
    assertThat(DirectoryPolicy.sender(d, Key.of(99).kid(), rotated))
        .isInstanceOf(NodeCheck.Unlisted.class);
    assertThat(bw.signingKey(rotated)).map(NodeKey::kid).contains(BW.transport().kid());
  }
}
