package org.kimberlite.federation.web;

import java.util.List;
import org.kimberlite.federation.OperatorView;
import org.kimberlite.federation.SplitView;
import org.kimberlite.federation.Submission;
import org.kimberlite.federation.Submitting;
import org.kimberlite.federation.Witness;
import org.kimberlite.federation.WitnessedLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The federation API (docs/federation.md): this node's witness key and the logs it witnesses
 * (public), the split views it caught and the state of submitting its own checkpoints (the node's
 * operators: the KP secretariat and KP authorities).
 */
@RestController
@RequestMapping(FederationApi.BASE)
class FederationApi {
  static final String BASE = "/api/v1/federation";
  static final int MAX_SIZE = 500;
  static final int MAX_PAGE = 100_000;
  private static final String OPERATORS =
      "Only the operators of this node (the KP secretariat and KP authorities) read this.";

  private final Witness witness;
  private final Submitting submitting;

  FederationApi(Witness witness, Submitting submitting) {
    this.witness = witness;
    this.submitting = submitting;
  }

  /**
   * This node's witness: its name, its verifier key, the peer logs it witnesses, and the peers it
   * refuses because the directory and its configuration disagree (FED-10).
   */
  @GetMapping("/witness")
  WitnessJson witness() {
    return new WitnessJson(
        witness.name(), witness.vkey(), witness.witnessedLogs(), witness.refusedPeers());
  }

  @GetMapping("/split-views")
  List<SplitView> splitViews(
      Caller caller,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size) {
    if (!Witness.operates(caller)) {
      throw Problem.forbidden(OPERATORS);
    }
    int p = bounded("page", page, 0, MAX_PAGE);
    int s = bounded("size", size, 1, MAX_SIZE);
    return switch (witness.splitViews(caller, p, s)) {
      case OperatorView.Shown<List<SplitView>> shown -> shown.value();
      case OperatorView.NotAllowed<List<SplitView>> n -> throw Problem.forbidden(OPERATORS);
    };
  }

  @GetMapping("/submissions")
  SubmissionsJson submissions(Caller caller) {
    return switch (submitting.submissions(caller)) {
      case OperatorView.Shown<List<Submission>> shown ->
          new SubmissionsJson(submitting.enabled(), shown.value());
      case OperatorView.NotAllowed<List<Submission>> n -> throw Problem.forbidden(OPERATORS);
    };
  }

  private static int bounded(String name, String value, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw Problem.badParameter(name, "must be a whole number from " + min + " to " + max);
    }
    if (n < min || n > max) {
      throw Problem.badParameter(name, "must be from " + min + " to " + max);
    }
    return n;
  }

  record WitnessJson(String name, String vkey, List<WitnessedLog> logs, List<String> refused) {}

  record SubmissionsJson(boolean enabled, List<Submission> witnesses) {}
}
