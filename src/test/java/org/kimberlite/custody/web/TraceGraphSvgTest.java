package org.kimberlite.custody.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.ProvenanceTrace;
import org.kimberlite.shared.CountryCode;
import org.w3c.dom.Document;

/** The trace graph is well-formed SVG, flows left to right, and escapes what it is given. */
class TraceGraphSvgTest {
  static ProvenanceTrace.Hop hop(String step, String goods) {
    return new ProvenanceTrace.Hop(
        "e-" + step,
        "h-" + step,
        "ObjectEvent",
        step,
        null,
        Instant.parse("2025-03-01T10:00:00Z"),
        new ProvenanceTrace.Holder(UUID.randomUUID(), "Org", CountryCode.of("BW")),
        List.of(goods),
        List.of(),
        false,
        List.of(),
        false,
        null);
  }

  @Test
  void drawsTheMinesLeftOfThePieceAndEscapesText() throws Exception {
    String hostile = "urn:x:<script>alert('x')</script>&";
    ProvenanceTrace t =
        new ProvenanceTrace(
            "ring",
            Nature.NATURAL,
            List.of(),
            false,
            List.of(),
            ProvenanceTrace.Direction.UPSTREAM,
            false,
            new ProvenanceTrace.Limits(10, 10, 10),
            List.of(
                new ProvenanceTrace.Node("ring", "jewellery", Nature.NATURAL, null, 0),
                new ProvenanceTrace.Node("pol", "polished", Nature.NATURAL, null, 1),
                new ProvenanceTrace.Node(hostile, "rough", null, null, 2)),
            List.of(
                new ProvenanceTrace.Edge(hostile, "pol", "t1", "transformation"),
                new ProvenanceTrace.Edge("pol", "ring", "t2", "transformation")),
            List.of(hop("commissioning", hostile), hop("setting", "ring")));
    String svg = TraceGraphSvg.render(t);
    assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(3);
    assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(3); // arrow head + 2 edges
    // the mine lot (no edge into it) is in the first column, the ring in the third
    assertThat(x(doc, 2)).isLessThan(x(doc, 1)).isLessThan(x(doc, 0));
  }

  private static int x(Document doc, int rect) {
    return Integer.parseInt(
        doc.getElementsByTagName("rect")
            .item(rect)
            .getAttributes()
            .getNamedItem("x")
            .getNodeValue());
  }
}
