package org.kimberlite.custody.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.internal.trace.TraceWalk.Direction;
import org.kimberlite.custody.internal.trace.TraceWalk.EdgeKind;
import org.kimberlite.custody.internal.trace.TraceWalk.EventLinks;
import org.kimberlite.custody.internal.trace.TraceWalk.Limits;
import org.kimberlite.custody.internal.trace.TraceWalk.Link;
import org.kimberlite.custody.internal.trace.TraceWalk.Result;

/** The walk over a small goods graph, in memory: directions, limits, cycles. */
class TraceWalkTest {
  static final Limits WIDE = new Limits(100, 100, 50);

  static EventLinks commission(String id, String lot) {
    return new EventLinks(id, "ObjectEvent", "ADD", List.of(new Link("class", lot)));
  }

  static EventLinks observe(String id, String lot) {
    return new EventLinks(id, "ObjectEvent", "OBSERVE", List.of(new Link("epc", lot)));
  }

  static EventLinks pack(String id, String parent, String... children) {
    List<Link> links = new ArrayList<>(List.of(new Link("parent", parent)));
    for (String c : children) {
      links.add(new Link("childClass", c));
    }
    return new EventLinks(id, "AggregationEvent", "ADD", links);
  }

  static EventLinks unpack(String id, String parent, String... children) {
    List<Link> links = new ArrayList<>(List.of(new Link("parent", parent)));
    for (String c : children) {
      links.add(new Link("child", c));
    }
    return new EventLinks(id, "AggregationEvent", "DELETE", links);
  }

  static EventLinks transform(String id, List<String> in, List<String> out) {
    List<Link> links = new ArrayList<>();
    in.forEach(i -> links.add(new Link("input", i)));
    out.forEach(o -> links.add(new Link("output", o)));
    return new EventLinks(id, "TransformationEvent", null, links);
  }

  /** The example chain: two mine lots → parcel → shipped, received → split → cut → set → sold. */
  static final List<EventLinks> CHAIN =
      List.of(
          commission("e1", "mineA"),
          commission("e1b", "mineB"),
          pack("e2", "parcel", "mineA", "mineB"),
          observe("e3", "parcel"),
          observe("e4", "parcel"),
          transform("e5", List.of("parcel"), List.of("cutC", "cutD")),
          transform("e6", List.of("cutC"), List.of("pol1", "pol2")),
          observe("e7", "pol1"),
          transform("e8", List.of("pol1"), List.of("ring")),
          observe("e9", "ring"));

  /** Runs a walk against an in-memory store, as the service does against the database. */
  static Result walk(String start, Direction d, Limits limits, List<EventLinks> store) {
    TraceWalk.Walk w = TraceWalk.from(start, d, limits);
    int rounds = 0;
    while (!w.frontier().isEmpty()) {
      assertThat(rounds++).as("rounds").isLessThan(1000);
      Set<String> f = w.frontier();
      List<EventLinks> naming =
          store.stream().filter(e -> e.links().stream().anyMatch(l -> f.contains(l.id()))).toList();
      boolean more = naming.size() > limits.maxEvents();
      w.absorb(more ? naming.subList(0, limits.maxEvents()) : naming, more);
    }
    return w.result();
  }

  @Test
  void upstreamFromTheRingReachesBothMinesAndNothingBeside() {
    Result r = walk("ring", Direction.UPSTREAM, WIDE, CHAIN);
    assertThat(r.nodes().keySet())
        .containsExactly("ring", "pol1", "cutC", "parcel", "mineA", "mineB");
    assertThat(r.nodes()).containsEntry("ring", 0).containsEntry("mineA", 4);
    assertThat(r.events()).contains("e1", "e1b", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
    assertThat(r.edges())
        .extracting(TraceWalk.Edge::from)
        .doesNotContain("ring")
        .contains("mineA", "mineB", "parcel", "cutC", "pol1");
    assertThat(r.nodes()).doesNotContainKeys("cutD", "pol2");
    assertThat(r.truncated()).isFalse();
  }

  @Test
  void downstreamFromAMineLotReachesEverythingMadeFromIt() {
    Result r = walk("mineA", Direction.DOWNSTREAM, WIDE, CHAIN);
    assertThat(r.nodes().keySet())
        .containsExactlyInAnyOrder("mineA", "parcel", "cutC", "cutD", "pol1", "pol2", "ring");
    assertThat(r.nodes()).doesNotContainKey("mineB");
  }

  @Test
  void bothIsTheUnionOfTheTwoWalksNeverSideways() {
    Result r = walk("cutC", Direction.BOTH, WIDE, CHAIN);
    assertThat(r.nodes().keySet())
        .containsExactlyInAnyOrder("cutC", "parcel", "mineA", "mineB", "pol1", "pol2", "ring");
    // cutD shares the parcel with cutC but is neither made of nor made from it
    assertThat(r.nodes()).doesNotContainKey("cutD");
  }

  @Test
  void edgesFollowTheMaterialFlow() {
    assertThat(TraceWalk.edges(pack("a", "p", "x")))
        .containsExactly(new TraceWalk.Edge("x", "p", "a", EdgeKind.AGGREGATION));
    assertThat(TraceWalk.edges(unpack("d", "p", "x")))
        .containsExactly(new TraceWalk.Edge("p", "x", "d", EdgeKind.DISAGGREGATION));
    assertThat(TraceWalk.edges(transform("t", List.of("a", "b"), List.of("c"))))
        .hasSize(2)
        .allMatch(e -> e.to().equals("c") && e.kind() == EdgeKind.TRANSFORMATION);
    assertThat(TraceWalk.edges(observe("o", "x"))).isEmpty();
    assertThat(
            TraceWalk.edges(
                new EventLinks(
                    "q", "AggregationEvent", "OBSERVE", List.of(new Link("parent", "p")))))
        .isEmpty();
  }

  @Test
  void aCycleEnds() {
    List<EventLinks> loop =
        List.of(
            pack("a", "p", "x"), unpack("b", "p", "x"), transform("c", List.of("x"), List.of("x")));
    Result r = walk("x", Direction.BOTH, WIDE, loop);
    assertThat(r.nodes().keySet()).containsExactlyInAnyOrder("x", "p");
    assertThat(r.truncated()).isFalse();
  }

  @Test
  void theNodeLimitTruncatesAtTheBoundAndNotBefore() {
    Result six = walk("ring", Direction.UPSTREAM, new Limits(6, 100, 50), CHAIN);
    assertThat(six.nodes()).hasSize(6);
    assertThat(six.truncated()).isFalse();
    Result five = walk("ring", Direction.UPSTREAM, new Limits(5, 100, 50), CHAIN);
    assertThat(five.nodes()).hasSize(5);
    assertThat(five.truncated()).isTrue();
  }

  @Test
  void theDepthLimitTruncatesAtTheBoundAndNotBefore() {
    Result four = walk("ring", Direction.UPSTREAM, new Limits(100, 100, 4), CHAIN);
    assertThat(four.nodes()).containsKeys("mineA", "mineB");
    assertThat(four.truncated()).isFalse();
    Result three = walk("ring", Direction.UPSTREAM, new Limits(100, 100, 3), CHAIN);
    assertThat(three.nodes()).containsKey("parcel").doesNotContainKeys("mineA", "mineB");
    assertThat(three.truncated()).isTrue();
  }

  @Test
  void theEventLimitTruncates() {
    Result r = walk("ring", Direction.UPSTREAM, new Limits(100, 3, 50), CHAIN);
    assertThat(r.events()).hasSizeLessThanOrEqualTo(3);
    assertThat(r.truncated()).isTrue();
  }

  @Test
  void unknownGoodsGiveNoEvents() {
    Result r = walk("nothing", Direction.UPSTREAM, WIDE, CHAIN);
    assertThat(r.events()).isEmpty();
    assertThat(r.nodes().keySet()).containsExactly("nothing");
  }

  @Test
  void aWideFanStaysWithinTheBounds() {
    List<EventLinks> fan = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      inputs.add("in" + i);
      fan.add(commission("c" + i, "in" + i));
    }
    fan.add(transform("t", inputs, List.of("out")));
    Result r = walk("out", Direction.UPSTREAM, new Limits(50, 1000, 10), fan);
    assertThat(r.nodes()).hasSize(50);
    assertThat(r.truncated()).isTrue();
  }
}
