package org.gfn4j.metrics;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.rollout.Trajectories;

/**
 * The transport cost of sampled trajectories (Maksimov et al. 2026): each complete forward
 * trajectory s0 → u → … → x → sf of an environment with a fixed first edge is one (start u, end x)
 * pair of the coupling the policy defines. Accumulates the mean number of moves between u and x
 * (trajectory length less the first edge and the exit: the OT cost read-out) and the mean graph
 * distance d_G(u, parent of x) of the same pairs (the cost of the coupling itself, never above the
 * moves). Both are plain sample means, so unbiased for the policy's expectations; truncated
 * trajectories (no end) are left out and counted.
 */
public final class TransportCost {
  private final TransportOracle oracle;
  private double moves;
  private double pairs;
  private long count;
  private long truncated;

  public TransportCost(TransportOracle oracle) {
    this.oracle = oracle;
  }

  /** One pair: its start and end states (the end is the state that exits) and the moves between them. */
  public void add(int start, int end, int numMoves) {
    int d = oracle.distance(start, end);
    if (d < 0 || numMoves < d) {
      throw new IllegalArgumentException(numMoves + " moves from state " + start + " to " + end
          + " at graph distance " + d);
    }
    moves += numMoves;
    pairs += d;
    count++;
  }

  /** Every trajectory of the first {@code used} slots of a forward-rollout block (s0 in slot 0, the start in slot 1). */
  public void addBlock(Trajectories block, int used) {
    int batch = block.batch();
    ByteBuffer terminal = block.terminal.buffer();
    int[] cells = new int[block.width()];
    for (int b = 0; b < batch; b++) {
      if (block.isTruncated(b)) {
        truncated++;
        continue;
      }
      int end = 2;
      while (end < used && terminal.get(end * batch + b) == 0) {
        end++;
      }
      if (end >= used) {
        truncated++;
        continue;
      }
      int start = oracle.space().stateIndex(block.states(1).cells(b, cells));
      int last = oracle.space().stateIndex(block.states(end - 1).cells(b, cells));
      add(start, last, end - 2);
    }
  }

  public long count() {
    return count;
  }

  /** Mean moves between start and end (NaN without pairs). */
  public double meanMoves() {
    return count == 0 ? Double.NaN : moves / count;
  }

  /** Mean graph distance between start and end (NaN without pairs). */
  public double meanPairDistance() {
    return count == 0 ? Double.NaN : pairs / count;
  }

  /**
   * {@code ot_w1} (exact W1), {@code ot_cost} (mean moves), {@code ot_pair_cost} (mean d_G of the
   * pairs) and {@code ot_cost_ratio} = ot_cost / ot_w1 (when W1 > 0).
   */
  public Map<String, Double> metrics() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("ot_w1", oracle.w1());
    out.put("ot_cost", meanMoves());
    out.put("ot_pair_cost", meanPairDistance());
    if (oracle.w1() > 0) {
      out.put("ot_cost_ratio", meanMoves() / oracle.w1());
    }
    return out;
  }
}
