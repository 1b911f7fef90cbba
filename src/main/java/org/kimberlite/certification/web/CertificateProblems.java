package org.kimberlite.certification.web;

import java.util.List;
import java.util.stream.Collectors;
import org.kimberlite.certification.ChangeOutcome;
import org.kimberlite.certification.Changed;
import org.kimberlite.certification.DeleteOutcome;
import org.kimberlite.certification.ListOutcome;
import org.kimberlite.certification.NotAllowed;
import org.kimberlite.certification.NotFound;
import org.kimberlite.certification.Refused;
import org.kimberlite.certification.Violation;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;

/**
 * The web's answer to each outcome that is not a success: the RFC 9457 problem and its status. Only
 * this adapter decides statuses; the use cases return outcomes.
 */
final class CertificateProblems {
  private CertificateProblems() {}

  /** 422 naming every rule broken: type {@code /problems/KP-xx} when one rule is at fault. */
  static Problem refused(List<Violation> violations) {
    List<String> rules = violations.stream().map(Violation::rule).distinct().sorted().toList();
    String type = rules.size() == 1 ? rules.get(0) : "kp-rules";
    return new Problem(
        422,
        type,
        "Refused under " + String.join(", ", rules),
        violations.stream()
            .map(v -> v.rule() + ": " + v.message())
            .collect(Collectors.joining("; ")),
        rules,
        violations.stream()
            .map(v -> new FieldError(v.field(), v.rule() + ": " + v.message()))
            .toList());
  }

  /** 404: nothing the caller may see. */
  static Problem notFound(String number) {
    return Problem.notFound("No certificate " + number + " that you may see.");
  }

  /** 403 with the reason. */
  static Problem notAllowed(NotAllowed n) {
    return Problem.forbidden(n.reason());
  }

  /** The changed certificate, or the problem of any other outcome. */
  static Changed changed(ChangeOutcome outcome) {
    return switch (outcome) {
      case Changed c -> c;
      case Refused r -> throw refused(r.violations());
      case NotFound n -> throw notFound(n.number());
      case NotAllowed n -> throw notAllowed(n);
      case ChangeOutcome.Invalid i -> throw Problem.invalid(i.field(), i.message());
      case ChangeOutcome.Conflict c ->
          throw Problem.conflict(
              "concurrent-change", c.number() + " changed meanwhile; read it again.");
    };
  }

  /** Deletion is always refused (KP-10) or finds nothing. */
  static Problem deleteProblem(DeleteOutcome outcome) {
    return switch (outcome) {
      case Refused r -> refused(r.violations());
      case NotFound n -> notFound(n.number());
    };
  }

  static List<org.kimberlite.certification.KpCertificate> listed(ListOutcome outcome) {
    return switch (outcome) {
      case ListOutcome.Listed l -> l.certificates();
      case NotAllowed n -> throw notAllowed(n);
      case ListOutcome.Invalid i -> throw Problem.invalid(i.field(), i.message());
    };
  }
}
