package org.kimberlite.federation;

/**
 * What this node tells the secretariat to list about it ({@code GET /api/v1/federation/node}).
 *
 * @param nodeId its id
 * @param url its public base URL
 * @param kid its transport key's id (RFC 7638 thumbprint)
 * @param x its transport key, base64url
 * @param logOrigin its log's origin
 * @param logVkey its log's verifier key
 * @param trustListKey its trust-list key, base64url
 * @param witnessVkey its witness's verifier key ({@code cosignature/v1}): the other nodes submit
 *     their checkpoints to it once the directory lists it
 */
public record NodeIdentity(
    String nodeId,
    String url,
    String kid,
    String x,
    String logOrigin,
    String logVkey,
    String trustListKey,
    String witnessVkey) {}
