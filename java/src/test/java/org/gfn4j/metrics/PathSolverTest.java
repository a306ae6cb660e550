package org.gfn4j.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.cube.CubeDistances;
import org.gfn4j.env.cube.CubeGroup;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.junit.jupiter.api.Test;

/** Best-of-K solving of cube scrambles with PB against the BFS optimum. */
class PathSolverTest {
  private static final PolicyFn UNIFORM = (obs, f, b, flow) -> {
    f.fill(0f);
    b.fill(0f);
    flow.fill(0f);
  };

  @Test
  void anOptimalBackwardPolicySolvesEveryScrambleInTheFewestMoves() {
    for (Backend backend : java.util.List.of(Backend.NATIVE, Backend.JAVA)) {
      Environment env = Environments.create("cube2", backend);
      try (PathSolver solver = new PathSolver(env, 12, 2, 100, 3)) {
        Map<String, Double> m = solver.solve(CubeOracle.optimal(), new Sampler(1), 0);
        assertEquals(1.0, m.get("solve_reached"), backend.toString());
        assertEquals(1.0, m.get("solve_optimal"));
        assertEquals(1.0, m.get("solve_ratio"));
        assertEquals(2.0, m.get("solve_budget"));
        assertTrue(m.get("solve_bfs") >= 8, "100 random moves scramble the cube far from solved: " + m);
        int[] x = solver.scrambles();
        double mean = 0;
        for (int i = 0; i < 12; i++) {
          mean += CubeDistances.get().fromSolved(CubeGroup.index(x, i * CubeGroup.WIDTH)) / 12.0;
        }
        assertEquals(mean, m.get("solve_length"), 1e-12);
      }
    }
  }

  @Test
  void aUniformBackwardPolicySolvesSomeOneMoveScramblesNeverBelowTheOptimum() {
    Environment env = Environments.create("cube2:max_steps=40");
    try (PathSolver solver = new PathSolver(env, 32, 8, 1, 5)) {
      Map<String, Double> m = solver.solve(UNIFORM, new Sampler(2), 0);
      assertTrue(m.get("solve_reached") > 0 && m.get("solve_reached") <= 1, m.toString());
      assertTrue(m.get("solve_ratio") >= 1, m.toString());
      assertEquals(1.0, m.get("solve_bfs"), "one move is one away: " + m);
    }
  }

  @Test
  void environmentsWithoutOneStartStateAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new PathSolver(Environments.create("permutations:n=4"), 4, 4, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new PathSolver(Environments.create("hypergrid:dim=2,side=4"), 4, 4, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new PathSolver(Environments.create("cube2"), 0, 4, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new PathSolver(Environments.create("cube2"), 4, 4, -1, 1));
  }

  @Test
  void lengthsBelowTheOptimumMeanAWrongOracle() {
    PathLengths p = new PathLengths();
    assertThrows(IllegalArgumentException.class, () -> p.add(3, 4));
    p.add(4, 4);
    p.add(6, 2);
    p.miss();
    Map<String, Double> m = p.toMap("x", 7);
    assertEquals(5.0, m.get("x_length"));
    assertEquals(3.0, m.get("x_bfs"));
    assertEquals(10.0 / 6, m.get("x_ratio"), 1e-15);
    assertEquals(1.0 / 3, m.get("x_optimal"), 1e-15);
    assertEquals(2.0 / 3, m.get("x_reached"), 1e-15);
    assertFalse(new PathLengths().toMap("y", 1).containsKey("y_ratio"));
  }
}
