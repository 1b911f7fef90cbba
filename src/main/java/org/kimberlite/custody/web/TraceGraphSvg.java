package org.kimberlite.custody.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kimberlite.custody.ProvenanceTrace;

/**
 * Draws a provenance trace as SVG: goods as boxes in columns by how many steps of material flow lie
 * before them (the mines on the left, the piece on the right), the steps that named each box in it,
 * and an arrow for each transformation or aggregation. Every text is escaped.
 */
final class TraceGraphSvg {
  private static final int BOX_W = 230;
  private static final int BOX_H = 96;
  private static final int COL = 290;
  private static final int ROW = 116;
  private static final int MARGIN = 20;
  private static final int MAX_ROUNDS = 100;

  private TraceGraphSvg() {}

  static String render(ProvenanceTrace t) {
    List<String> ids = t.nodes().stream().map(ProvenanceTrace.Node::id).toList();
    Map<String, Integer> layer = new HashMap<>();
    ids.forEach(id -> layer.put(id, 0));
    for (int round = 0; round < Math.min(MAX_ROUNDS, ids.size()); round++) {
      boolean changed = false;
      for (ProvenanceTrace.Edge e : t.edges()) {
        int want = layer.getOrDefault(e.from(), 0) + 1;
        if (layer.containsKey(e.to()) && layer.get(e.to()) < want) {
          layer.put(e.to(), want);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    Map<Integer, Integer> rowsInColumn = new HashMap<>();
    Map<String, int[]> at = new HashMap<>();
    int width = 0;
    int height = 0;
    for (String id : ids) {
      int col = layer.get(id);
      int row = rowsInColumn.merge(col, 1, Integer::sum) - 1;
      int x = MARGIN + col * COL;
      int y = MARGIN + row * ROW;
      at.put(id, new int[] {x, y});
      width = Math.max(width, x + BOX_W + MARGIN);
      height = Math.max(height, y + BOX_H + MARGIN);
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trace-graph\" role=\"img\"")
        .append(" aria-label=\"Provenance graph\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"11\">")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
        .append("<path d=\"M0 0 L10 5 L0 10 z\" fill=\"#555\"/></marker></defs>");
    for (ProvenanceTrace.Edge e : t.edges()) {
      int[] a = at.get(e.from());
      int[] b = at.get(e.to());
      if (a == null || b == null) {
        continue;
      }
      int x1 = a[0] + BOX_W;
      int y1 = a[1] + BOX_H / 2;
      int x2 = b[0];
      int y2 = b[1] + BOX_H / 2;
      int mid = (x1 + x2) / 2;
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<path class=\"edge\" d=\"M%d %d C%d %d %d %d %d %d\" fill=\"none\""
                      + " stroke=\"#555\" marker-end=\"url(#arrow)\"><title>%s</title></path>",
                  x1,
                  y1,
                  mid,
                  y1,
                  mid,
                  y2,
                  x2,
                  y2,
                  escape(e.kind())))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>",
                  mid,
                  (y1 + y2) / 2 - 4,
                  escape(e.kind())));
    }
    for (ProvenanceTrace.Node n : t.nodes()) {
      int[] p = at.get(n.id());
      boolean start = n.id().equals(t.epc());
      Set<String> steps = new LinkedHashSet<>();
      String first = null;
      String last = null;
      for (ProvenanceTrace.Hop h : t.hops()) {
        if (h.goods().contains(n.id())) {
          steps.add(h.step());
          String day = h.time().toString().substring(0, 10);
          first = first == null ? day : first;
          last = day;
        }
      }
      List<String> lines = new ArrayList<>();
      lines.add(label(n.id()));
      lines.add(
          (n.kind() == null ? "goods" : n.kind())
              + (n.nature() == null ? "" : " · " + TraceJson.nature(n.nature()))
              + (n.carats() == null ? "" : " · " + n.carats() + " ct"));
      lines.add(shorten(String.join(", ", steps), 40));
      if (first != null) {
        lines.add(first.equals(last) ? first : first + " – " + last);
      }
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<g class=\"node\"><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\""
                      + " height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%d\"/>",
                  escape(n.id()),
                  p[0],
                  p[1],
                  BOX_W,
                  BOX_H,
                  start ? "#eef6ff" : "#fafafa",
                  start ? "#1b5fa8" : "#999",
                  start ? 2 : 1))
          .append("");
      for (int i = 0; i < lines.size(); i++) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\"%s>%s</text>",
                p[0] + 8,
                p[1] + 20 + i * 19,
                i == 0 ? " font-weight=\"bold\"" : "",
                escape(lines.get(i))));
      }
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  /** A short label of an identifier: what follows the GS1 resolver, at most 32 characters. */
  static String label(String id) {
    String s =
        id.startsWith("https://id.gs1.org/") ? id.substring("https://id.gs1.org/".length()) : id;
    return s.length() <= 32 ? s : "…" + s.substring(s.length() - 31);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c < 0x20 ? ' ' : c);
      }
    }
    return b.toString();
  }
}
