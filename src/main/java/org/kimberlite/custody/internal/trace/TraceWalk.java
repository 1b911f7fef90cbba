package org.kimberlite.custody.internal.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Policy;

/**
 * The walk of a provenance trace over the goods graph that stored events describe: lots, parcels,
 * stones and pieces are its nodes; an event that makes goods out of other goods is an edge in the
 * direction the material flows. A transformation leads from each input to each output; an
 * aggregation that adds children leads from each child to the parent (the parcel holds them); one
 * that deletes them leads from the parent to each child (the parcel is opened). Object events
 * (commissioning, shipping, receiving, grading, selling) are steps of the goods they name and lead
 * nowhere.
 *
 * <p>Upstream follows edges backwards from the goods asked about (what they were made of, down to
 * the mine); downstream follows them forwards (everything made from them); both is the union of the
 * two walks from the same goods, never sideways. The walk goes breadth first, one level per round:
 * the caller loads the events naming the {@link Walk#frontier()} and hands them to {@link
 * Walk#absorb}. It stops at the limits of nodes, events and depth and then says it was truncated;
 * every node is expanded once per direction, so cycles end.
 */
@Policy
public final class TraceWalk {
  private TraceWalk() {}

  /** Which way to walk from the goods asked about. */
  public enum Direction {
    UPSTREAM,
    DOWNSTREAM,
    BOTH;

    boolean up() {
      return this != DOWNSTREAM;
    }

    boolean down() {
      return this != UPSTREAM;
    }
  }

  /**
   * Bounds of one walk.
   *
   * @param maxNodes most goods in the graph, the start included
   * @param maxEvents most events read
   * @param maxDepth most edges between the start and any goods reached
   */
  public record Limits(int maxNodes, int maxEvents, int maxDepth) {
    public Limits {
      if (maxNodes < 1 || maxEvents < 1 || maxDepth < 0) {
        throw new IllegalArgumentException("trace limits must be positive");
      }
    }
  }

  /** One identifier an event names, in its role (as {@code custody_event_epc} keeps it). */
  public record Link(String role, String id) {}

  /** What the walk needs of an event: its hash ID, type, action and the identifiers it names. */
  public record EventLinks(String hashId, String type, @Nullable String action, List<Link> links) {
    public EventLinks {
      links = List.copyOf(links);
    }
  }

  /** How an edge came about. */
  public enum EdgeKind {
    TRANSFORMATION,
    AGGREGATION,
    DISAGGREGATION
  }

  /** Goods {@code from} went into goods {@code to} through the event {@code hashId}. */
  public record Edge(String from, String to, String hashId, EdgeKind kind) {}

  /**
   * What a walk found.
   *
   * @param nodes the goods reached, with their distance from the start, in the order reached
   * @param events hash IDs of the events naming them, in the order read
   * @param edges the edges between goods of the graph
   */
  public record Result(
      String start,
      Direction direction,
      Map<String, Integer> nodes,
      List<String> events,
      List<Edge> edges,
      boolean truncated) {
    public Result {
      nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
      events = List.copyOf(events);
      edges = List.copyOf(edges);
    }
  }

  /** The edges of one event, in the direction the material flows. */
  public static List<Edge> edges(EventLinks e) {
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>();
    EdgeKind kind;
    switch (e.type()) {
      case "TransformationEvent" -> {
        kind = EdgeKind.TRANSFORMATION;
        collect(e, in, "input", "inputClass");
        collect(e, out, "output", "outputClass");
      }
      case "AggregationEvent" -> {
        String action = e.action() == null ? "" : e.action();
        if (action.equals("ADD")) {
          kind = EdgeKind.AGGREGATION;
          collect(e, in, "child", "childClass");
          collect(e, out, "parent");
        } else if (action.equals("DELETE")) {
          kind = EdgeKind.DISAGGREGATION;
          collect(e, in, "parent");
          collect(e, out, "child", "childClass");
        } else {
          return List.of();
        }
      }
      default -> {
        return List.of();
      }
    }
    List<Edge> edges = new ArrayList<>();
    for (String from : in) {
      for (String to : out) {
        if (!from.equals(to)) {
          edges.add(new Edge(from, to, e.hashId(), kind));
        }
      }
    }
    return edges;
  }

  private static void collect(EventLinks e, List<String> into, String... roles) {
    for (Link l : e.links()) {
      for (String role : roles) {
        if (l.role().equals(role) && !into.contains(l.id())) {
          into.add(l.id());
        }
      }
    }
  }

  /** Starts a walk from {@code start} (a canonical identifier). */
  public static Walk from(String start, Direction direction, Limits limits) {
    return new Walk(start, direction, limits);
  }

  /** A walk under way; not shared between threads. */
  public static final class Walk {
    private final String start;
    private final Direction direction;
    private final Limits limits;
    private final LinkedHashMap<String, Integer> nodes = new LinkedHashMap<>();
    private final LinkedHashSet<String> events = new LinkedHashSet<>();
    private final LinkedHashMap<String, Edge> edges = new LinkedHashMap<>();
    private Set<String> upFrontier = new LinkedHashSet<>();
    private Set<String> downFrontier = new LinkedHashSet<>();
    private final Set<String> up = new HashSet<>();
    private final Set<String> down = new HashSet<>();
    private int depth;
    private boolean truncated;

    private Walk(String start, Direction direction, Limits limits) {
      this.start = Objects.requireNonNull(start, "start");
      this.direction = Objects.requireNonNull(direction, "direction");
      this.limits = Objects.requireNonNull(limits, "limits");
      nodes.put(start, 0);
      if (direction.up()) {
        up.add(start);
        upFrontier.add(start);
      }
      if (direction.down()) {
        down.add(start);
        downFrontier.add(start);
      }
    }

    /** The goods whose events the next round needs; empty when the walk is over. */
    public Set<String> frontier() {
      Set<String> f = new LinkedHashSet<>(upFrontier);
      f.addAll(downFrontier);
      return f;
    }

    /** How many more events the walk may read. */
    public int eventsLeft() {
      return Math.max(0, limits.maxEvents() - events.size());
    }

    /**
     * Takes in the events naming the frontier (each round loads them afresh; events read before are
     * not counted twice) and moves the frontier one level on. {@code more} says the loader left
     * some out at {@link #eventsLeft()}: the walk is then truncated.
     */
    public void absorb(List<EventLinks> loaded, boolean more) {
      if (more) {
        truncated = true;
      }
      Set<String> nextUp = new LinkedHashSet<>();
      Set<String> nextDown = new LinkedHashSet<>();
      for (EventLinks e : loaded) {
        if (!events.contains(e.hashId())) {
          if (events.size() >= limits.maxEvents()) {
            truncated = true;
            continue;
          }
          events.add(e.hashId());
        }
        for (Edge edge : edges(e)) {
          edges.putIfAbsent(edge.from() + "\n" + edge.to() + "\n" + edge.hashId(), edge);
          if (upFrontier.contains(edge.to())) {
            reach(edge.from(), up, nextUp);
          }
          if (downFrontier.contains(edge.from())) {
            reach(edge.to(), down, nextDown);
          }
        }
      }
      depth++;
      upFrontier = nextUp;
      downFrontier = nextDown;
    }

    private void reach(String node, Set<String> seen, Set<String> next) {
      if (seen.contains(node)) {
        return;
      }
      if (depth + 1 > limits.maxDepth()
          || (!nodes.containsKey(node) && nodes.size() >= limits.maxNodes())) {
        truncated = true;
        return;
      }
      seen.add(node);
      next.add(node);
      nodes.putIfAbsent(node, depth + 1);
    }

    /** Whether a limit cut the walk short. */
    public boolean truncated() {
      return truncated;
    }

    /** What the walk found so far (the whole of it once the frontier is empty). */
    public Result result() {
      List<Edge> kept = new ArrayList<>();
      for (Edge e : edges.values()) {
        if (nodes.containsKey(e.from()) && nodes.containsKey(e.to())) {
          kept.add(e);
        }
      }
      return new Result(start, direction, nodes, List.copyOf(events), kept, truncated);
    }
  }
}
