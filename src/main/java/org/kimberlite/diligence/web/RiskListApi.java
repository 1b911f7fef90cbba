package org.kimberlite.diligence.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.RiskEntry;
import org.kimberlite.diligence.RiskLists;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/risk-lists}: the risk lists for any signed-in caller; the secretariat keeps them.
 */
@RestController
class RiskListApi {
  private final RiskLists lists;

  RiskListApi(RiskLists lists) {
    this.lists = lists;
  }

  @GetMapping("/api/v1/risk-lists")
  List<Map<String, Object>> all(Caller caller) {
    return lists.all().stream().map(RiskListApi::json).toList();
  }

  @GetMapping("/api/v1/risk-lists/{id}")
  Map<String, Object> one(Caller caller, @PathVariable String id) {
    return lists.get(id(id)).map(RiskListApi::json).orElseThrow(RiskListApi::notFound);
  }

  @PostMapping("/api/v1/risk-lists")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> add(Caller caller, @RequestBody Map<String, Object> body) {
    return answer(
        lists.add(
            caller,
            new RiskLists.NewEntry(
                text(body.get("list")),
                text(body.get("subject")),
                text(body.get("relatedTo")),
                date("validFrom", body.get("validFrom")),
                text(body.get("source")))));
  }

  @PostMapping("/api/v1/risk-lists/{id}/end")
  Map<String, Object> end(
      Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
    return answer(lists.end(caller, id(id), date("validTo", body.get("validTo"))));
  }

  private static Map<String, Object> answer(RiskLists.ChangeOutcome outcome) {
    return switch (outcome) {
      case RiskLists.ChangeOutcome.Done d -> json(d.entry());
      case RiskLists.ChangeOutcome.NotAllowed n ->
          throw Problem.forbidden("This needs an account of the KP secretariat.");
      case RiskLists.ChangeOutcome.NotFound n -> throw notFound();
      case RiskLists.ChangeOutcome.NotOpen n ->
          throw Problem.conflict(
              "risk-entry-ended", "The entry was ended already, or began after that day.");
      case RiskLists.ChangeOutcome.Invalid i ->
          throw Problem.invalid(
              "The entry is not valid",
              i.errors().entrySet().stream()
                  .map(e -> new FieldError(e.getKey(), e.getValue()))
                  .toList());
    };
  }

  static Map<String, Object> json(RiskEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id().toString());
    m.put("list", e.list());
    m.put("subject", e.subject());
    m.put("relatedTo", e.relatedTo());
    m.put("validFrom", e.validFrom().toString());
    m.put("validTo", e.validTo() == null ? null : e.validTo().toString());
    m.put("source", e.source());
    m.put("recordedBy", e.recordedBy());
    m.put("recordedAt", e.recordedAt().toString());
    return m;
  }

  private static @Nullable String text(@Nullable Object o) {
    return o == null ? null : o.toString();
  }

  private static @Nullable LocalDate date(String field, @Nullable Object o) {
    if (o == null) {
      return null;
    }
    try {
      return LocalDate.parse(o.toString());
    } catch (DateTimeParseException e) {
      throw Problem.invalid(field, "a date such as 2027-03-31");
    }
  }

  private static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
  }

  private static Problem notFound() {
    return Problem.notFound("No such entry.");
  }
}
