package org.gfn4j.metrics;

import org.gfn4j.env.ObjectDistance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.env.StateSpace;
import org.gfn4j.env.StateBatch;

/**
 * The cumulative set of modes visited by training rollouts (gfnx AccumulatedModesMetricsModule):
 * a mode counts as found once any visited object lies at distance &lt; threshold from it (bitseq:
 * Hamming &lt; 30). For enumerable environments {@link #maximalReward} takes the modes to be the
 * terminal objects at the maximal reward level and counts a mode only when it is visited exactly
 * (Hamming &lt; 1); for the 4×20 hypergrid these are the 256 cells with every coordinate in
 * {2, 3, 16, 17}.
 */
public final class ModesFound {
  private final int[][] modes;
  private final ObjectDistance distance;
  private final double threshold;
  private final boolean[] visited;
  private int found;

  /** The modes an environment defines. */
  public static ModesFound of(org.gfn4j.env.ModeSet set) {
    return new ModesFound(set.modes(), set.distance(), set.threshold());
  }

  /** Modes given by their cells (all of one width); a copy is kept. */
  public ModesFound(int[][] modes, ObjectDistance distance, double threshold) {
    if (modes.length == 0) {
      throw new IllegalArgumentException("no modes given");
    }
    for (int[] m : modes) {
      if (m.length != modes[0].length) {
        throw new IllegalArgumentException("modes differ in width");
      }
    }
    this.modes = new int[modes.length][];
    for (int i = 0; i < modes.length; i++) {
      this.modes[i] = modes[i].clone();
    }
    this.distance = distance;
    this.threshold = threshold;
    this.visited = new boolean[modes.length];
  }

  /** The terminal objects whose log-reward equals the maximum, found only by an exact visit. */
  public static ModesFound maximalReward(StateSpace space) {
    double[] logR = space.terminalLogRewards();
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logR) {
      max = Math.max(max, v);
    }
    List<int[]> modes = new ArrayList<>();
    for (int i = 0; i < logR.length; i++) {
      if (logR[i] == max) {
        modes.add(space.terminalState(i));
      }
    }
    return new ModesFound(modes.toArray(new int[0][]), ObjectDistance.HAMMING, 1.0);
  }

  /** Records {@code count} visited objects given as concatenated cells. */
  public void update(int[] cells, int count) {
    int width = modes[0].length;
    if (count < 0 || cells.length != (long) count * width) {
      throw new IllegalArgumentException(count + " objects of width " + width + " need " + (long) count * width
          + " cells, got " + cells.length);
    }
    int[] object = new int[width];
    for (int o = 0; o < count && found < modes.length; o++) {
      System.arraycopy(cells, o * width, object, 0, width);
      visit(object);
    }
  }

  /** Records the terminal states of {@code states} (non-terminal entries are skipped). */
  public void update(StateBatch states) {
    int[] object = new int[states.width()];
    for (int b = 0; b < states.batchSize() && found < modes.length; b++) {
      if (states.isTerminal(b)) {
        visit(states.cells(b, object));
      }
    }
  }

  private void visit(int[] object) {
    for (int i = 0; i < modes.length; i++) {
      if (!visited[i] && distance.distance(object, modes[i]) < threshold) {
        visited[i] = true;
        found++;
      }
    }
  }

  /** Which modes have been visited, in mode order (a copy). */
  public boolean[] visited() {
    return visited.clone();
  }

  /** Marks the given modes visited (restoring a saved state); the count follows. */
  public void restoreVisited(boolean[] saved) {
    if (saved.length != visited.length) {
      throw new IllegalArgumentException(saved.length + " flags for " + visited.length + " modes");
    }
    for (int m = 0; m < saved.length; m++) {
      if (saved[m] && !visited[m]) {
        visited[m] = true;
        found++;
      }
    }
  }

  public int numModes() {
    return modes.length;
  }

  /** Modes found so far. */
  public int numFound() {
    return found;
  }

  /** {@code num_modes} (found so far) and {@code percent_modes} (their fraction, in [0, 1], as gfnx). */
  public Map<String, Double> get() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("num_modes", (double) found);
    out.put("percent_modes", (double) found / modes.length);
    return out;
  }
}
