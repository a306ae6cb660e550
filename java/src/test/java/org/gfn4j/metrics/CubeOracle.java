package org.gfn4j.metrics;

import org.gfn4j.env.cube.Cube2;
import org.gfn4j.env.cube.CubeDistances;
import org.gfn4j.env.cube.CubeGroup;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.tensor.FloatTensor;

/**
 * Closed-form cube policies built on the BFS table, for the shortest-path metrics: PB that only
 * undoes moves toward the solved cube, and PF that only moves away from it (or exits), so every
 * path either samples is a shortest one.
 */
public final class CubeOracle {
  private CubeOracle() {}

  /** The cube state of observation row r (null at s0). */
  static int[] decode(FloatTensor obs, int r) {
    int width = 147;
    int[] c = new int[CubeGroup.WIDTH];
    boolean any = false;
    for (int j = 0; j < width; j++) {
      if (obs.get((long) r * width + j) != 0) {
        int i = j / 21;
        c[i] = j % 21 / 3;
        c[CubeGroup.CORNERS + i] = j % 3;
        any = true;
      }
    }
    return any ? c : null;
  }

  /** Optimal on both heads: PF moves one step farther from solved or exits, PB one step closer. */
  public static PolicyFn optimal() {
    CubeDistances d = CubeDistances.get();
    int[] solved = CubeGroup.solved();
    return (obs, forward, backward, flow) -> {
      FloatTensor o = (FloatTensor) obs;
      for (int r = 0; r < (int) forward.dim(0); r++) {
        int[] x = decode(o, r);
        for (int a = 0; a < 7; a++) {
          forward.set((long) r * 7 + a, a == Cube2.EXIT || x == null ? 0f
              : d.distance(solved, CubeGroup.move(x, 0, a)) > d.distance(solved, x) ? 0f : -1e9f);
        }
        for (int a = 0; a < 8; a++) {
          boolean closer = x != null && a < 6 && d.distance(solved, CubeGroup.unmove(x, 0, a)) < d.distance(solved, x);
          backward.set((long) r * 8 + a, closer || a >= 6 ? 0f : -1e9f);
        }
        flow.set(r, 0f);
      }
    };
  }
}
