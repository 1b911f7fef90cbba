package org.kimberlite.federation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the directory and of the certificate exchange (docs/federation.md). Without a node id
 * this server is a single node: no directory, no outbox, nothing sent or accepted.
 *
 * @param nodeId this node's id in the directory; blank for a single node
 * @param directoryUrl the base URL of the secretariat's node, whose directory this node fetches
 * @param directoryKey the secretariat node's directory key: the base64url {@code x} of its
 *     trust-list key ({@code GET /api/v1/trust-list/key})
 * @param publishDirectory whether this node is the secretariat's and publishes the directory
 * @param nodeKeyFile where this node's transport key is kept, sealed under the master key
 * @param fetchInterval the pause between two fetches of the directory
 * @param sendInterval the pause between two rounds of the outbox sender
 * @param firstRetry the wait after a first failed delivery; it doubles with each failure
 * @param maxRetry the longest wait between two attempts of one delivery
 * @param timeout how long one request to another node may take, connecting included
 * @param maxSkew how far the {@code created} time of a signed request may be from this clock
 */
@ConfigurationProperties("kimberlite.federation.exchange")
public record ExchangeProperties(
    @DefaultValue("") String nodeId,
    @DefaultValue("") String directoryUrl,
    @DefaultValue("") String directoryKey,
    @DefaultValue("false") boolean publishDirectory,
    @DefaultValue("data/node.key") String nodeKeyFile,
    @DefaultValue("5m") Duration fetchInterval,
    @DefaultValue("2s") Duration sendInterval,
    @DefaultValue("5s") Duration firstRetry,
    @DefaultValue("30m") Duration maxRetry,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("5m") Duration maxSkew) {

  /** Whether this server is a node of a federation. */
  public boolean enabled() {
    return !nodeId.isBlank();
  }

  /** The directory URL without a trailing slash. */
  public String directoryBase() {
    String url = directoryUrl.strip();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
