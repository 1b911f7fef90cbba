package org.kimberlite.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.internal.FederationMetrics;
import org.kimberlite.federation.internal.FederationRepository;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.CosignatureVerifier;
import org.kimberlite.ledger.Cosigning;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.ProofException;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.ledger.TreeMath;
import org.kimberlite.ledger.Witnessing;
import org.kimberlite.registry.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Submits this log's newest checkpoint to each peer's witness ({@code POST <url>/add-checkpoint},
 * C2SP tlog-witness) with the consistency proof from the size that witness cosigned last, retries
 * once with the size a 409 names, and keeps the cosignatures it gets back through {@link
 * Witnessing}, so that the checkpoints this log serves carry them. Only peers ({@link
 * FederationPeers}) with a URL and a witness key are asked, as they are at each round; without any,
 * nothing runs. Each attempt is recorded and counted; failures are visible at {@code GET
 * /api/v1/federation/submissions}.
 */
@Service
public class Submitting {
  private static final Logger log = LoggerFactory.getLogger(Submitting.class);
  private static final Pattern SIZE = Pattern.compile("(0|[1-9][0-9]{0,18})\n?");
  private static final int MAX_ANSWER = 64 * 1024;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** A peer's witness this log asks for cosignatures. */
  private record Target(String operator, String url, CosignatureVerifier witness) {}

  private final FederationPeers peers;
  private final TransparencyLog ledger;
  private final Witnessing witnessing;
  private final FederationRepository repository;
  private final FederationMetrics metrics;
  private final Clock clock;
  private final java.time.Duration timeout;
  private final HttpClient http;

  Submitting(
      FederationProperties properties,
      FederationPeers peers,
      TransparencyLog ledger,
      Witnessing witnessing,
      FederationRepository repository,
      FederationMetrics metrics,
      Clock clock) {
    this.peers = peers;
    this.ledger = ledger;
    this.witnessing = witnessing;
    this.repository = repository;
    this.metrics = metrics;
    this.clock = clock;
    this.timeout = properties.timeout();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The peers' witnesses to ask now. */
  private List<Target> targets() {
    List<Target> out = new ArrayList<>();
    for (FederationPeer p : peers.current().targets()) {
      CosignatureVerifier witness = p.witness();
      if (witness != null) {
        out.add(new Target(p.operator().isEmpty() ? p.name() : p.operator(), p.url(), witness));
      }
    }
    return out;
  }

  /** Whether any peer's witness is to be asked. */
  public boolean enabled() {
    return !peers.current().targets().isEmpty();
  }

  /** The state of the submissions, for the node's operators. */
  public OperatorView<List<Submission>> submissions(Caller caller) {
    if (!Witness.operates(caller)) {
      return new OperatorView.NotAllowed<>();
    }
    return new OperatorView.Shown<>(repository.submissions());
  }

  /** One round: this log's newest checkpoint to every peer's witness; the attempts as recorded. */
  public List<Submission> submitAll() {
    List<Submission> out = new ArrayList<>();
    List<Target> targets = targets();
    if (targets.isEmpty()) {
      return out;
    }
    String note = ledger.checkpoint().orElse(null);
    if (note == null) {
      return out;
    }
    Checkpoint checkpoint = Checkpoint.parseBody(Notes.parse(note).text());
    for (Target target : targets) {
      Submission s = submit(target, note, checkpoint);
      repository.attempted(s);
      metrics.submitted(s.error() == null);
      if (s.error() != null) {
        log.warn(
            "The witness {} of {} did not cosign size {}: {}",
            target.witness().name(),
            target.operator(),
            checkpoint.size(),
            s.error());
      }
      out.add(s);
    }
    return out;
  }

  private Submission submit(Target target, String note, Checkpoint checkpoint) {
    String name = target.witness().name();
    Submission previous = repository.submission(name).orElse(null);
    long cosigned = previous == null ? 0 : previous.cosignedSize();
    long old = cosigned > checkpoint.size() ? 0 : cosigned;
    Instant attempted = clock.instant();
    @Nullable Instant succeeded = previous == null ? null : previous.succeededAt();
    String error;
    try {
      for (int attempt = 0; ; attempt++) {
        HttpResponse<String> answer = post(target, old, note, checkpoint);
        if (answer.statusCode() == 200) {
          keep(target, note, answer.body());
          return new Submission(
              name, target.operator(), target.url(), checkpoint.size(), attempted, attempted, null);
        }
        long latest = conflictSize(answer);
        if (answer.statusCode() != 409 || latest < 0 || attempt > 0) {
          error = "answered " + answer.statusCode() + ": " + excerpt(answer.body());
          break;
        }
        if (latest > checkpoint.size()) {
          error =
              "the witness cosigned size "
                  + latest
                  + " of this log, larger than its newest checkpoint "
                  + checkpoint.size();
          break;
        }
        old = latest;
      }
    } catch (IOException e) {
      error = "unreachable: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (ProofException | LogFormatException e) {
      error = "its answer is not a valid cosignature: " + e.getMessage();
    }
    return new Submission(
        name, target.operator(), target.url(), cosigned, attempted, succeeded, error);
  }

  private HttpResponse<String> post(Target target, long old, String note, Checkpoint checkpoint)
      throws IOException, InterruptedException {
    List<byte[]> proof =
        old == 0 || old == checkpoint.size()
            ? List.of()
            : TreeMath.consistencyProof(old, checkpoint.size(), ledger::node);
    String body = AddCheckpointRequest.format(old, proof, note);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target.url() + "/add-checkpoint"))
            .timeout(timeout)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Verifies the witness's cosignature lines on the checkpoint and keeps them. */
  private void keep(Target target, String note, String lines) {
    if (lines.length() > MAX_ANSWER) {
      throw new LogFormatException("the answer exceeds " + MAX_ANSWER + " characters");
    }
    String cosigned = note + lines;
    target.witness().verify(Notes.parse(cosigned));
    Cosigning kept = witnessing.accept(cosigned, List.of(target.witness()));
    if (!(kept instanceof Cosigning.Accepted)) {
      throw new ProofException("the log did not keep the cosignature: " + kept);
    }
  }

  /** The size a 409 answer names ({@code text/x.tlog.size}), or -1. */
  private static long conflictSize(HttpResponse<String> answer) {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (answer.statusCode() != 409 || !type.startsWith("text/x.tlog.size")) {
      return -1;
    }
    String body = answer.body();
    if (!SIZE.matcher(body).matches()) {
      return -1;
    }
    try {
      return Long.parseLong(body.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String excerpt(String body) {
    String one = WHITESPACE.matcher(body).replaceAll(" ").strip();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }
}
