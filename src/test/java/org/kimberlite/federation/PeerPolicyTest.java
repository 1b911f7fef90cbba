package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.federation.Fixtures.Key;
import org.kimberlite.federation.Fixtures.Node;
import org.kimberlite.ledger.Cosigner;
import org.kimberlite.ledger.NoteSigner;

/** FED-10: which peers a node goes by, from its directory and its configuration. */
class PeerPolicyTest {
  static final Node SECRETARIAT = Node.of("secretariat", "BE", 30);
  static final Node BW = Node.of("botswana", "BW", 10);
  static final Node EU = Node.of("eu", "EU", 20);
  static final Cosigner BW_WITNESS =
      Cosigner.fromSeed("botswana.example/witness", Key.of(50).seed());
  static final Cosigner EU_WITNESS = Cosigner.fromSeed("eu.example/witness", Key.of(51).seed());
  static final Cosigner OTHER_WITNESS =
      Cosigner.fromSeed("botswana.example/witness", Key.of(52).seed());
  static final NoteSigner OTHER_LOG =
      NoteSigner.fromSeed("botswana.example/log", Key.of(53).seed());

  static DirectoryNode listed(Node n, @org.jspecify.annotations.Nullable Cosigner witness) {
    return DirectoryPolicyTest.withWitness(n.listing(), witness == null ? null : witness.vkey());
  }

  static Directory directory(long version, DirectoryNode... nodes) {
    return Fixtures.directory(version, nodes);
  }

  static FederationProperties.Peer peer(String operator, String vkey, String url, String witness) {
    return new FederationProperties.Peer(operator, "", vkey, url, witness);
  }

  static List<String> names(List<FederationPeer> peers) {
    return peers.stream().map(FederationPeer::name).toList();
  }

  @Test
  void withoutADirectoryTheConfiguredPeersAreThePeers() {
    List<FederationPeer> configured =
        PeerPolicy.configured(
            List.of(
                peer(
                    "KP authority of Botswana", BW.log().vkey(), "http://bw/", BW_WITNESS.vkey())));
    Peers peers = PeerPolicy.merge(configured, null, "eu");
    assertThat(peers.refused()).isEmpty();
    assertThat(peers.witnessed())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo(PeerSource.CONFIGURATION);
              assertThat(p.origin()).isEqualTo("botswana.example/log");
            });
    assertThat(peers.targets())
        .singleElement()
        .satisfies(p -> assertThat(p.url()).isEqualTo("http://bw"));
    assertThat(peers.logKeys("botswana.example/log")).containsExactly(BW.log().verifier());
    assertThat(peers.logKeys("eu.example/log")).isEmpty();
  }

  @Test
  void everyOtherListedNodeIsWitnessedAndThoseWithAWitnessKeyAreSubmittedTo() {
    Directory d =
        directory(1, listed(SECRETARIAT, null), listed(BW, BW_WITNESS), listed(EU, EU_WITNESS));
    Peers peers = PeerPolicy.merge(List.of(), d, "eu");
    assertThat(names(peers.witnessed())).containsExactly("secretariat", "botswana");
    // the secretariat's node lists no witness key (a directory signed before they were listed)
    assertThat(names(peers.targets())).containsExactly("botswana");
    assertThat(peers.targets().get(0).url()).isEqualTo("https://botswana.example");
    assertThat(peers.logKeys("eu.example/log")).as("never itself").isEmpty();
    assertThat(
            peers.witnessOf(
                BW_WITNESS.cosign(
                    new org.kimberlite.ledger.Checkpoint(
                        "eu.example/log", 0, org.kimberlite.ledger.Rfc6962.emptyRoot()),
                    1)))
        .map(FederationPeer::name)
        .contains("botswana");
    // a newer directory without Botswana: no longer witnessed nor submitted to
    Peers after =
        PeerPolicy.merge(
            List.of(), directory(2, listed(SECRETARIAT, null), listed(EU, EU_WITNESS)), "eu");
    assertThat(names(after.witnessed())).containsExactly("secretariat");
    assertThat(after.targets()).isEmpty();
    assertThat(after.logKeys("botswana.example/log")).isEmpty();
  }

  @Test
  void aConfiguredPeerOutsideTheDirectoryStaysAndOneThatAgreesIsMerged() {
    Node outsider = Node.of("wdc", "BE", 60);
    List<FederationPeer> configured =
        PeerPolicy.configured(
            List.of(
                peer("World Diamond Council", outsider.log().vkey(), "", ""),
                // the same keys as the directory: one peer, the directory's
                peer("Botswana", BW.log().vkey(), "http://elsewhere", BW_WITNESS.vkey())));
    Peers peers =
        PeerPolicy.merge(configured, directory(1, listed(BW, BW_WITNESS), listed(EU, null)), "eu");
    assertThat(peers.refused()).isEmpty();
    assertThat(peers.peers())
        .extracting(FederationPeer::name, FederationPeer::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("botswana", PeerSource.DIRECTORY),
            org.assertj.core.groups.Tuple.tuple("World Diamond Council", PeerSource.CONFIGURATION));
    assertThat(peers.targets())
        .singleElement()
        .satisfies(p -> assertThat(p.url()).isEqualTo("https://botswana.example"));
    // a directory node listed without a witness key: the configured witness key stands
    Peers filled =
        PeerPolicy.merge(
            PeerPolicy.configured(
                List.of(peer("Botswana", BW.log().vkey(), "", BW_WITNESS.vkey()))),
            directory(1, listed(BW, null)),
            "eu");
    assertThat(filled.refused()).isEmpty();
    assertThat(filled.targets())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo(PeerSource.DIRECTORY);
              assertThat(p.witness().vkey()).isEqualTo(BW_WITNESS.vkey());
            });
  }

  @Test
  void fed10AConfiguredPeerWithOtherKeysThanTheDirectorysIsRefusedAltogether() {
    Directory d = directory(1, listed(BW, BW_WITNESS), listed(EU, EU_WITNESS));
    Peers otherLog =
        PeerPolicy.merge(
            PeerPolicy.configured(List.of(peer("BW", OTHER_LOG.vkey(), "", ""))), d, "eu");
    assertThat(otherLog.refused())
        .singleElement()
        .asString()
        .startsWith("FED-10: node botswana (botswana.example/log) is refused")
        .contains(OTHER_LOG.vkey())
        .contains(BW.log().vkey());
    assertThat(otherLog.peers()).isEmpty();
    assertThat(otherLog.logKeys("botswana.example/log")).isEmpty();

    Peers otherWitness =
        PeerPolicy.merge(
            PeerPolicy.configured(
                List.of(peer("BW", BW.log().vkey(), "http://bw", OTHER_WITNESS.vkey()))),
            d,
            "eu");
    assertThat(otherWitness.refused()).singleElement().asString().contains("witness key");
    assertThat(otherWitness.targets()).isEmpty();

    // the directory's witness named for another log
    Peers elsewhere =
        PeerPolicy.merge(
            PeerPolicy.configured(
                List.of(
                    new FederationProperties.Peer(
                        "x", "x.example/log", "", "http://x", BW_WITNESS.vkey()))),
            d,
            "eu");
    assertThat(elsewhere.refused()).singleElement().asString().contains("x.example/log");
    // other nodes are untouched
    assertThat(names(otherLog.witnessed())).isEmpty();
    assertThat(PeerPolicy.merge(List.of(), d, "eu").refused()).isEmpty();
  }

  @Test
  void aConfiguredKeyThatCannotBeReadStopsTheStart() {
    assertThatThrownBy(() -> PeerPolicy.configured(List.of(peer("BW", "not a key", "", ""))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kimberlite.federation.peers: the log key of not a key");
    assertThatThrownBy(
            () -> PeerPolicy.configured(List.of(peer("BW", "", "http://bw", BW.log().vkey()))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the witness key of BW is not a cosignature verifier key");
  }
}
