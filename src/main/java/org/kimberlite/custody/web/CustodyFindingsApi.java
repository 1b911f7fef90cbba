package org.kimberlite.custody.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kimberlite.custody.CustodyFindings;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/custody/findings}: the caller's organisation's flags, newest first, paged. */
@RestController
class CustodyFindingsApi {
  private final CustodyFindings findings;

  CustodyFindingsApi(CustodyFindings findings) {
    this.findings = findings;
  }

  @GetMapping("/api/v1/custody/findings")
  Map<String, Object> findings(
      Caller caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return switch (findings.page(caller, page, size)) {
      case CustodyFindings.Outcome.Page p -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", p.page());
        body.put("size", p.size());
        body.put("more", p.more());
        body.put(
            "findings",
            p.findings().stream()
                .map(
                    f ->
                        Map.of(
                            "eventHash", f.eventHash(),
                            "eventID", f.eventId(),
                            "rule", f.rule(),
                            "pointer", f.pointer(),
                            "message", f.message(),
                            "at", f.at().toString()))
                .toList());
        yield body;
      }
      case CustodyFindings.Outcome.Invalid i ->
          throw new Problem(
              400,
              "validation",
              "A parameter is not valid",
              i.message(),
              List.of(),
              List.of(new FieldError(i.field(), i.message())));
    };
  }
}
