package org.kimberlite.statistics.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.kimberlite.shared.Policy;

/**
 * Matches one pair's exports with its imports, quarter by quarter, for one measure (carats or US
 * dollars, counted in hundredths).
 *
 * <p>What is exported in quarter {@code i} may be received in quarters {@code i} to {@code i +
 * lag}. The matching moves as much as possible from exports to imports and, among the ways that
 * move the most, the one with the least time in transit (quarters of delay times amount). This is a
 * minimum-cost maximum flow on a small graph (source → export quarters → import quarters → sink,
 * the middle edges costing their delay), solved by successive shortest paths with Bellman-Ford; it
 * is deterministic because edges are always scanned in the same order.
 *
 * <p>Why both goals: matching the most accepts every late receipt the lag allows, so a participant
 * whose shipments always arrive one quarter later is not flagged; the least delay then places what
 * cannot be matched in the quarter where it shows (a shipment missing in Q1 followed by regular
 * trade is left unmatched in Q1, not carried down the chain to the last quarter).
 */
@Policy(rules = "STAT-02")
final class TransitMatching {
  private static final long UNLIMITED = Long.MAX_VALUE / 4;

  private TransitMatching() {}

  /**
   * What is left unmatched in each quarter.
   *
   * @param unmatchedExports per quarter of issue: exports no import of that or the next lag
   *     quarters accounts for
   * @param unmatchedImports per quarter of receipt: imports no export of that or the previous lag
   *     quarters accounts for
   */
  record Result(long[] unmatchedExports, long[] unmatchedImports) {}

  static Result match(long[] exports, long[] imports, int lag) {
    if (exports.length != imports.length) {
      throw new IllegalArgumentException("exports and imports must cover the same quarters");
    }
    int n = exports.length;
    Graph graph = new Graph(2 * n + 2);
    int source = 0;
    int sink = 2 * n + 1;
    int[] exportEdge = new int[n];
    int[] importEdge = new int[n];
    for (int i = 0; i < n; i++) {
      exportEdge[i] = graph.add(source, 1 + i, exports[i], 0);
    }
    for (int i = 0; i < n; i++) {
      if (exports[i] == 0) {
        continue;
      }
      for (int j = i; j <= Math.min(n - 1, i + lag); j++) {
        if (imports[j] != 0) {
          graph.add(1 + i, 1 + n + j, UNLIMITED, j - i);
        }
      }
    }
    for (int j = 0; j < n; j++) {
      importEdge[j] = graph.add(1 + n + j, sink, imports[j], 0);
    }
    while (graph.augment(source, sink)) {
      // each round moves the bottleneck along a cheapest path
    }
    long[] unmatchedExports = new long[n];
    long[] unmatchedImports = new long[n];
    for (int i = 0; i < n; i++) {
      unmatchedExports[i] = graph.capacity[exportEdge[i]];
      unmatchedImports[i] = graph.capacity[importEdge[i]];
    }
    return new Result(unmatchedExports, unmatchedImports);
  }

  /**
   * A residual graph in arrays, edges listed per node; edge {@code e ^ 1} is the reverse of edge
   * {@code e}.
   */
  private static final class Graph {
    final int nodes;
    final int[] head;
    int edges;
    int[] from = new int[16];
    int[] to = new int[16];
    int[] next = new int[16];
    long[] capacity = new long[16];
    long[] cost = new long[16];

    Graph(int nodes) {
      this.nodes = nodes;
      this.head = new int[nodes];
      Arrays.fill(head, -1);
    }

    int add(int a, int b, long cap, long price) {
      int e = edges;
      put(a, b, cap, price);
      put(b, a, 0, -price);
      return e;
    }

    private void put(int a, int b, long cap, long price) {
      if (edges == from.length) {
        from = Arrays.copyOf(from, edges * 2);
        to = Arrays.copyOf(to, edges * 2);
        next = Arrays.copyOf(next, edges * 2);
        capacity = Arrays.copyOf(capacity, edges * 2);
        cost = Arrays.copyOf(cost, edges * 2);
      }
      from[edges] = a;
      to[edges] = b;
      capacity[edges] = cap;
      cost[edges] = price;
      next[edges] = head[a];
      head[a] = edges;
      edges++;
    }

    /**
     * Pushes flow along one cheapest source-to-sink path (Bellman-Ford with a queue; the residual
     * graph of successive shortest paths has no negative cycle); false when there is none.
     */
    boolean augment(int source, int sink) {
      long[] distance = new long[nodes];
      int[] via = new int[nodes];
      boolean[] queued = new boolean[nodes];
      Arrays.fill(distance, Long.MAX_VALUE);
      Arrays.fill(via, -1);
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      distance[source] = 0;
      queue.add(source);
      queued[source] = true;
      while (!queue.isEmpty()) {
        int v = queue.poll();
        queued[v] = false;
        for (int e = head[v]; e != -1; e = next[e]) {
          if (capacity[e] > 0 && distance[v] + cost[e] < distance[to[e]]) {
            distance[to[e]] = distance[v] + cost[e];
            via[to[e]] = e;
            if (!queued[to[e]]) {
              queue.add(to[e]);
              queued[to[e]] = true;
            }
          }
        }
      }
      if (distance[sink] == Long.MAX_VALUE) {
        return false;
      }
      long bottleneck = UNLIMITED;
      for (int v = sink; v != source; v = from[via[v]]) {
        bottleneck = Math.min(bottleneck, capacity[via[v]]);
      }
      for (int v = sink; v != source; v = from[via[v]]) {
        capacity[via[v]] -= bottleneck;
        capacity[via[v] ^ 1] += bottleneck;
      }
      return true;
    }
  }
}
