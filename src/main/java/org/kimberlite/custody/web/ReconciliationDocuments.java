package org.kimberlite.custody.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Reconciling;
import org.kimberlite.shared.pdf.TextPages;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The warranty reconciliation report as JSON, CSV (Apache Commons CSV, RFC 4180) and PDF (PDFBox,
 * the standard 14 fonts, text outside their encoding replaced), for the API and the console.
 */
final class ReconciliationDocuments {
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
  private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private ReconciliationDocuments() {}

  /** The report, or the problem the outcome is. */
  static Reconciling.Report report(Reconciling.Outcome outcome) {
    return switch (outcome) {
      case Reconciling.Outcome.Done d -> d.report();
      case Reconciling.Outcome.Invalid i ->
          throw new Problem(
              400,
              "validation",
              "A parameter is not valid",
              String.join(", ", i.fields().keySet()) + ": not valid",
              List.of(),
              i.fields().entrySet().stream()
                  .map(e -> new FieldError(e.getKey(), e.getValue()))
                  .toList());
      case Reconciling.Outcome.NotFound n -> throw Problem.notFound("organisation");
    };
  }

  /** A query parameter that cannot be read: 400, naming it. */
  static Problem badParameter(String field, String message) {
    return Problem.badParameter(field, message);
  }

  /** Which form the caller asked for: {@code format} first, then the Accept header. */
  static String format(@Nullable String format, @Nullable String accept) {
    if (format != null) {
      String f = format.strip().toLowerCase(Locale.ROOT);
      if (f.equals("json") || f.equals("csv") || f.equals("pdf")) {
        return f;
      }
      throw badParameter("format", "json, csv or pdf");
    }
    String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
    if (a.contains("text/csv")) {
      return "csv";
    }
    if (a.contains("application/pdf")) {
      return "pdf";
    }
    return "json";
  }

  /** The CSV or PDF answer. */
  static ResponseEntity<byte[]> file(Reconciling.Report r, String format) {
    String name = "reconciliation-" + r.from() + "-" + r.to() + "." + format;
    boolean pdf = format.equals("pdf");
    return ResponseEntity.ok()
        .contentType(pdf ? MediaType.APPLICATION_PDF : TEXT_CSV)
        .header(
            "Content-Disposition",
            (pdf ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name)
                .build()
                .toString())
        .body(pdf ? pdf(r) : csv(r).getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, Object> json(Reconciling.Report r) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organisation", r.organisation().toString());
    body.put("organisationName", r.organisationName());
    body.put("from", r.from().toString());
    body.put("to", r.to().toString());
    Reconciling.Figures f = r.figures();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("openingStock", f.opening());
    figures.put("bought", f.bought());
    figures.put("boughtUsd", f.boughtUsd());
    figures.put("sold", f.sold());
    figures.put("soldUsd", f.soldUsd());
    figures.put("closingStock", f.closing());
    figures.put("manufacturingInput", f.manufacturingInput());
    figures.put("manufacturingOutput", f.manufacturingOutput());
    figures.put("manufacturingLoss", f.manufacturingLoss());
    body.put("carats", figures);
    body.put("surplus", r.surplus());
    body.put("shortfall", r.shortfall());
    body.put("tolerance", r.tolerance());
    body.put("balanced", r.balanced());
    body.put(
        "findings", r.flags().stream().map(m -> Map.of("rule", "SOW-05", "message", m)).toList());
    List<Object> differences = new ArrayList<>();
    for (Reconciling.Difference d : r.differences()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", d.kind());
      m.put("subject", d.subject());
      m.put("surplus", d.surplus());
      m.put("shortfall", d.shortfall());
      m.put("message", d.message());
      List<Object> lines = new ArrayList<>();
      for (Reconciling.Line l : d.lines()) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("epc", l.epc());
        line.put("eventHash", l.eventHash());
        line.put("eventID", l.eventId());
        line.put("movement", l.kind());
        line.put("warranted", l.warranted());
        line.put("carats", l.carats());
        line.put("eventTime", l.eventTime().toString());
        lines.add(line);
      }
      m.put("events", lines);
      differences.add(m);
    }
    body.put("differences", differences);
    return body;
  }

  /** Prints one CSV record. */
  private interface Row {
    void printRecord(Object... values) throws IOException;
  }

  /** Rows of item, subject, carats, usd, note. */
  static String csv(Reconciling.Report r) {
    StringBuilder out = new StringBuilder();
    try {
      Row p = values -> CSV.printRecord(out, values);
      p.printRecord("item", "subject", "carats", "usd", "note");
      p.printRecord("organisation", r.organisation(), "", "", r.organisationName());
      p.printRecord("period", r.from() + "/" + r.to(), "", "", "");
      for (String[] row : figureRows(r)) {
        p.printRecord((Object[]) row);
      }
      for (String flag : r.flags()) {
        p.printRecord("finding", "SOW-05", "", "", flag);
      }
      for (Reconciling.Difference d : r.differences()) {
        p.printRecord(
            "difference-" + d.kind(),
            d.subject(),
            d.shortfall().isZero() ? d.surplus().toString() : "-" + d.shortfall(),
            "",
            d.message());
        for (Reconciling.Line l : d.lines()) {
          p.printRecord(
              "event",
              l.eventHash(),
              l.carats() == null ? "" : l.carats().toString(),
              "",
              l.kind()
                  + (l.warranted() ? " warranted" : " not warranted")
                  + " "
                  + l.epc()
                  + " at "
                  + l.eventTime());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<String[]> figureRows(Reconciling.Report r) {
    Reconciling.Figures f = r.figures();
    return List.of(
        new String[] {
          "opening-stock", "", f.opening().toString(), "", "warranted, held at the start"
        },
        new String[] {
          "bought", "", f.bought().toString(), f.boughtUsd().toString(), "received or mined"
        },
        new String[] {
          "sold", "", f.sold().toString(), f.soldUsd().toString(), "shipped or sold with a warranty"
        },
        new String[] {
          "closing-stock", "", f.closing().toString(), "", "warranted, held at the end"
        },
        new String[] {"manufacturing-input", "", f.manufacturingInput().toString(), "", ""},
        new String[] {"manufacturing-output", "", f.manufacturingOutput().toString(), "", ""},
        new String[] {"manufacturing-loss", "", f.manufacturingLoss().toString(), "", ""},
        new String[] {"surplus", "", r.surplus().toString(), "", ""},
        new String[] {"shortfall", "", r.shortfall().toString(), "", ""},
        new String[] {
          "balanced", "", "", "", r.balanced() ? "yes" : "no (tolerance " + r.tolerance() + " ct)"
        });
  }

  /** A plain A4 report: title, figures, findings, then the differences and their events. */
  static byte[] pdf(Reconciling.Report r) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"b", "Warranty reconciliation (WDC System of Warranties, SOW-05)"});
    lines.add(new String[] {"", r.organisationName() + " (" + r.organisation() + ")"});
    lines.add(
        new String[] {"", "Period " + r.from() + " to " + r.to() + " (UTC days, both included)"});
    lines.add(new String[] {"", ""});
    for (String[] row : figureRows(r)) {
      lines.add(
          new String[] {
            "",
            row[0]
                + ": "
                + (row[2].isEmpty() ? "" : row[2] + " ct")
                + (row[3].isEmpty() ? "" : ", USD " + row[3])
                + (row[4].isEmpty() ? "" : " (" + row[4] + ")")
          });
    }
    lines.add(new String[] {"", ""});
    lines.add(new String[] {"b", r.flags().isEmpty() ? "SOW-05: no finding" : "SOW-05: flagged"});
    for (String flag : r.flags()) {
      lines.add(new String[] {"", flag});
    }
    lines.add(new String[] {"", ""});
    lines.add(new String[] {"b", "Differences: " + r.differences().size()});
    for (Reconciling.Difference d : r.differences()) {
      lines.add(
          new String[] {
            "",
            d.kind()
                + " "
                + d.subject()
                + ": "
                + (d.shortfall().isZero() ? "surplus " + d.surplus() : "shortfall " + d.shortfall())
                + " ct; "
                + d.message()
          });
      for (Reconciling.Line l : d.lines()) {
        lines.add(
            new String[] {
              "",
              "    "
                  + l.eventTime()
                  + " "
                  + l.kind()
                  + (l.warranted() ? " warranted " : " not warranted ")
                  + (l.carats() == null ? "" : l.carats() + " ct ")
                  + l.eventHash()
            });
      }
    }
    TextPages pdf = new TextPages(lines.get(0)[1], "en");
    for (String[] l : lines) {
      if (l[0].equals("b")) {
        pdf.bold(l[1]);
      } else {
        pdf.line(l[1]);
      }
    }
    return pdf.render();
  }
}
