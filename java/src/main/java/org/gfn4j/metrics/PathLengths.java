package org.gfn4j.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Solution lengths against the BFS optimum on the same (start, end) pairs: the shortest-path
 * metrics of Morozov et al. (a minimum-flow GFlowNet moves only along shortest paths, so its
 * lengths equal the optimum). Counts attempts, those that reached their end, and the lengths of
 * those.
 */
public final class PathLengths {
  private long attempts;
  private long reached;
  private long optimal;
  private long length;
  private long bfs;

  /** An attempt that did not reach its end within the step cap. */
  public void miss() {
    attempts++;
  }

  /** An attempt that reached its end in {@code moves} moves, where {@code optimum} suffice. */
  public void add(int moves, int optimum) {
    if (moves < optimum || optimum < 0) {
      throw new IllegalArgumentException(moves + " moves beat the BFS optimum " + optimum + ": the oracle is wrong");
    }
    attempts++;
    reached++;
    optimal += moves == optimum ? 1 : 0;
    length += moves;
    bfs += optimum;
  }

  /**
   * {@code <prefix>_length} (mean moves of those reached), {@code _bfs} (mean optimum of the same
   * pairs), {@code _ratio} (total length over total optimum), {@code _optimal} and
   * {@code _reached} (fractions of the attempts) and {@code _budget} (samples per start, as
   * given). Means without anything reached, and the ratio when every optimum is 0, are left out.
   */
  public Map<String, Double> toMap(String prefix, double budget) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (reached > 0) {
      out.put(prefix + "_length", (double) length / reached);
      out.put(prefix + "_bfs", (double) bfs / reached);
    }
    if (bfs > 0) {
      out.put(prefix + "_ratio", (double) length / bfs);
    }
    if (attempts > 0) {
      out.put(prefix + "_optimal", (double) optimal / attempts);
      out.put(prefix + "_reached", (double) reached / attempts);
    }
    out.put(prefix + "_budget", budget);
    return out;
  }
}
