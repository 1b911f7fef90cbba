package org.kimberlite.federation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Federation settings (docs/federation.md).
 *
 * @param witnessName this node's witness name, the key name of its cosignatures, e.g. {@code
 *     kimberlite.example/witness}
 * @param witnessKey this node's witness private key ({@code PRIVATE+KEY+<name>+...}, Ed25519
 *     cosignature/v1); when blank it is read from {@code witnessKeyFile}, created on first start
 * @param witnessKeyFile where the witness key is kept, sealed under the master key
 * @param peers the logs this node witnesses and whose witnesses it submits its checkpoints to
 * @param submitInterval the pause between two rounds of submitting this log's checkpoint
 * @param timeout how long one request to a peer's witness may take, connecting included
 */
@ConfigurationProperties("kimberlite.federation")
public record FederationProperties(
    @DefaultValue("kimberlite.local/witness") String witnessName,
    @DefaultValue("") String witnessKey,
    @DefaultValue("data/witness.key") String witnessKeyFile,
    @DefaultValue List<Peer> peers,
    @DefaultValue("1m") Duration submitInterval,
    @DefaultValue("10s") Duration timeout) {

  public FederationProperties {
    peers = List.copyOf(peers);
  }

  /**
   * A peer node.
   *
   * @param operator who runs it, e.g. {@code KP authority of Botswana}
   * @param origin its log's checkpoint origin; blank means the name of {@code vkey}
   * @param vkey its log's verifier key ({@code <name>+<hex key ID>+<base64>}); this node cosigns
   *     that log's checkpoints
   * @param url its base URL, e.g. {@code https://kp.example.bw}; with {@code witnessVkey}, this
   *     node submits its own checkpoints to {@code <url>/add-checkpoint}
   * @param witnessVkey its witness's verifier key (cosignature/v1); its cosignatures of this log's
   *     checkpoints are kept and served
   */
  public record Peer(
      @DefaultValue("") String operator,
      @DefaultValue("") String origin,
      @DefaultValue("") String vkey,
      @DefaultValue("") String url,
      @DefaultValue("") String witnessVkey) {

    /** The origin: given, or the log key's name. */
    public String logOrigin() {
      if (!origin.isBlank()) {
        return origin.strip();
      }
      int plus = vkey.indexOf('+');
      return plus < 0 ? vkey.strip() : vkey.strip().substring(0, plus);
    }
  }
}
