package org.gfn4j.metrics;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The Wasserstein-1 distance between two distributions on the nodes of a directed graph under
 * its shortest-path distance, in Beckmann (min-cost flow) form: ship the source mass to the
 * target mass along arcs of given non-negative cost with unbounded capacity, by JGraphT's
 * capacity-scaling min-cost flow. JGraphT's supplies are integers, so both distributions are
 * rounded to {@link #UNITS} units each (largest remainders, sums exact): the result is within
 * (longest shortest path) · (number of nodes) / UNITS of the exact value.
 */
public final class MinCostTransport {
  /** Integer units one unit of probability mass is rounded to. */
  public static final int UNITS = 1 << 29;

  private MinCostTransport() {}

  /**
   * W1 from {@code source} to {@code target} (each [numNodes], non-negative, summing to 1) over
   * the arcs from[i] → to[i] of cost cost[i] (parallel arcs keep the cheapest). Throws
   * IllegalArgumentException when some target mass cannot be reached from the source.
   */
  public static double w1(int numNodes, int[] from, int[] to, double[] cost, double[] source, double[] target) {
    if (numNodes < 1 || source.length != numNodes || target.length != numNodes || from.length != to.length
        || from.length != cost.length) {
      throw new IllegalArgumentException("transport needs [numNodes] masses and equally long arc arrays");
    }
    int[] supply = round(source, "source");
    int[] demand = round(target, "target");
    Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < numNodes; v++) {
      g.addVertex(v);
    }
    for (int i = 0; i < from.length; i++) {
      if (from[i] < 0 || from[i] >= numNodes || to[i] < 0 || to[i] >= numNodes || !(cost[i] >= 0)
          || !Double.isFinite(cost[i])) {
        throw new IllegalArgumentException("arc " + i + " (" + from[i] + " -> " + to[i] + ", cost " + cost[i]
            + ") is outside the graph or has a negative cost");
      }
      if (from[i] == to[i]) {
        continue;
      }
      DefaultWeightedEdge e = g.getEdge(from[i], to[i]);
      if (e == null) {
        g.setEdgeWeight(g.addEdge(from[i], to[i]), cost[i]);
      } else if (cost[i] < g.getEdgeWeight(e)) {
        g.setEdgeWeight(e, cost[i]);
      }
    }
    MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
        new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(g, v -> supply[v] - demand[v],
            e -> CapacityScalingMinimumCostFlow.CAP_INF);
    double cost0;
    try {
      cost0 = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getFlowCost(problem);
    } catch (IllegalStateException infeasible) {
      throw new IllegalArgumentException("some target mass cannot be reached from the source: " + infeasible.getMessage());
    }
    return cost0 / UNITS;
  }

  /** Integer units of a distribution, summing to exactly {@link #UNITS} (largest remainders). */
  static int[] round(double[] p, String name) {
    double total = 0;
    for (double v : p) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("the " + name + " distribution has an entry " + v);
      }
      total += v;
    }
    if (Math.abs(total - 1) > 1e-6) {
      throw new IllegalArgumentException("the " + name + " distribution sums to " + total + ", not 1");
    }
    int[] units = new int[p.length];
    double[] rest = new double[p.length];
    long assigned = 0;
    for (int i = 0; i < p.length; i++) {
      double exact = p[i] / total * UNITS;
      units[i] = (int) Math.floor(exact);
      rest[i] = exact - units[i];
      assigned += units[i];
    }
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(rest[b], rest[a]));
    for (int k = 0; assigned < UNITS; k++, assigned++) {
      units[order[k % p.length]]++;
    }
    return units;
  }
}
