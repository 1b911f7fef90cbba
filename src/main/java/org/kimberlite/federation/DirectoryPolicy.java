package org.kimberlite.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.CosignatureVerifier;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.registry.Jwk;
import org.kimberlite.registry.SignatureException;
import org.kimberlite.registry.SignedDocuments;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;

/**
 * Which directory a node accepts (docs/federation.md): signed by the secretariat's directory key,
 * well formed, by the rules of the directory, and never older than the one it holds (no rollback);
 * and which transport key may sign for which node at a given time (a key listed, from its {@code
 * from} time, until it is revoked).
 */
@Policy(rules = {"FED-01", "FED-02", "FED-03"})
public final class DirectoryPolicy {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern OPERATOR =
      Pattern.compile("[A-Z]{2}|secretariat|industry:[A-Za-z0-9 ._-]{1,60}");
  private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+(/[^\\s?#]*)?");

  private DirectoryPolicy() {}

  /**
   * Decides on the signed directory {@code jws} given the one {@code held} (null before the first)
   * and the secretariat's directory key (raw Ed25519).
   */
  public static DirectoryDecision accept(
      @Nullable Directory held, String jws, byte[] directoryKey) {
    byte[] payload;
    try {
      payload = SignedDocuments.open(jws, Directory.TYPE, directoryKey);
    } catch (SignatureException e) {
      return new DirectoryDecision.Refused(
          DirectoryDecision.Reason.BAD_SIGNATURE, "FED-01: " + e.getMessage());
    }
    Directory offered;
    try {
      offered = DirectoryDocuments.fromJson(payload);
    } catch (DirectoryDocuments.Malformed e) {
      return new DirectoryDecision.Refused(DirectoryDecision.Reason.MALFORMED, e.getMessage());
    }
    if (held != null && offered.version() < held.version()) {
      return new DirectoryDecision.Refused(
          DirectoryDecision.Reason.ROLLBACK,
          "FED-02: version "
              + offered.version()
              + " is older than version "
              + held.version()
              + " held");
    }
    if (held != null && offered.version() == held.version()) {
      return Arrays.equals(DirectoryDocuments.toJson(offered), DirectoryDocuments.toJson(held))
          ? new DirectoryDecision.Unchanged(held)
          : new DirectoryDecision.Refused(
              DirectoryDecision.Reason.FORK,
              "FED-02: version " + held.version() + " held has other content");
    }
    List<String> broken = check(offered.nodes());
    if (!broken.isEmpty()) {
      return new DirectoryDecision.Refused(
          DirectoryDecision.Reason.INVALID, String.join("; ", broken));
    }
    return new DirectoryDecision.Accepted(offered);
  }

  /**
   * The rules of the directory {@code nodes} break (empty when none): ids, operators and URLs of
   * their form; log keys, trust-list keys and witness keys (when listed) that are keys; each node,
   * log origin, witness name, kid and participant listed once; each node with a key; each kid its
   * key's thumbprint; each revocation after its key's start.
   */
  public static List<String> check(List<DirectoryNode> nodes) {
    List<String> broken = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> kids = new HashSet<>();
    Set<String> origins = new HashSet<>();
    Set<String> witnesses = new HashSet<>();
    Map<ParticipantCode, String> servedBy = new HashMap<>();
    for (DirectoryNode n : nodes) {
      String at = "node " + n.id();
      if (!ID.matcher(n.id()).matches()) {
        broken.add("node id " + n.id() + " must be 1 to 40 lowercase letters, digits or -");
      }
      if (!ids.add(n.id())) {
        broken.add(at + " is listed twice");
      }
      if (!OPERATOR.matcher(n.operator()).matches()) {
        broken.add(at + ": operator must be a participant code, secretariat or industry:<name>");
      }
      if (!URL.matcher(n.url()).matches()) {
        broken.add(at + ": url must be an http or https URL");
      }
      if (n.logOrigin().isBlank()) {
        broken.add(at + ": logOrigin is blank");
      } else if (!origins.add(n.logOrigin())) {
        broken.add(at + ": logOrigin " + n.logOrigin() + " is another node's");
      }
      String witness = n.witnessVkey();
      if (witness != null) {
        try {
          String name = CosignatureVerifier.parse(witness).name();
          if (!witnesses.add(name)) {
            broken.add(at + ": witness " + name + " is another node's");
          }
        } catch (LogFormatException | IllegalArgumentException e) {
          broken.add(at + ": witnessVkey is not a cosignature/v1 verifier key");
        }
      }
      try {
        NoteVerifier.parse(n.logVkey());
      } catch (LogFormatException | IllegalArgumentException e) {
        broken.add(at + ": logVkey is not a verifier key");
      }
      if (!isKey(n.trustListKey())) {
        broken.add(at + ": trustListKey is not a base64url Ed25519 key");
      }
      for (ParticipantCode p : n.participants()) {
        String other = servedBy.putIfAbsent(p, n.id());
        if (other != null) {
          broken.add(
              "FED-03: participant " + p.code() + " is served by " + other + " and " + n.id());
        }
      }
      if (n.keys().isEmpty()) {
        broken.add(at + " lists no transport key");
      }
      for (NodeKey k : n.keys()) {
        if (!kids.add(k.kid())) {
          broken.add(at + ": key " + k.kid() + " is listed twice");
        }
        if (!isKey(k.x())
            || !Jwk.thumbprint(SignedDocuments.fromBase64url(k.x())).equals(k.kid())) {
          broken.add(at + ": key " + k.kid() + " is not the thumbprint of its x");
        }
        if (k.revokedAt() != null && !k.revokedAt().isAfter(k.from())) {
          broken.add(at + ": key " + k.kid() + " is revoked before it starts");
        }
      }
    }
    return broken;
  }

  /** Whether {@code kid} may sign for its node at {@code at} (FED-03: peers not listed refused). */
  public static NodeCheck sender(Directory directory, String kid, Instant at) {
    for (DirectoryNode n : directory.nodes()) {
      var key = n.key(kid);
      if (key.isPresent()) {
        return key.get().validAt(at)
            ? new NodeCheck.Listed(n, key.get())
            : new NodeCheck.Invalid(n, key.get());
      }
    }
    return new NodeCheck.Unlisted(kid);
  }

  private static boolean isKey(String x) {
    try {
      return SignedDocuments.fromBase64url(x).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
