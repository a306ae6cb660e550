package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.metrics.CubeOracle;
import org.gfn4j.rollout.PolicyFn;
import org.junit.jupiter.api.Test;

/** The evaluator's path_* metrics: sampled trajectory lengths against BFS on the same (start, end) pairs. */
class PathMetricsTest {
  private static final PolicyFn UNIFORM = (obs, f, b, flow) -> {
    f.fill(0f);
    b.fill(0f);
    flow.fill(0f);
  };

  private static Map<String, Double> evaluate(Environment env, PolicyFn policy) {
    try (Evaluator e = new Evaluator(env, null, 0.0, 7, 64, 3, false, null, null, 0)) {
      return e.evaluate(policy);
    }
  }

  @Test
  void aPolicyThatOnlyMovesAwayFromSolvedSamplesShortestPaths() {
    Map<String, Double> m = evaluate(Environments.create("cube2"), CubeOracle.optimal());
    assertEquals(1.0, m.get("path_ratio"), m.toString());
    assertEquals(1.0, m.get("path_optimal"));
    assertEquals(1.0, m.get("path_reached"));
    assertEquals(192.0, m.get("path_budget"));
    assertEquals(m.get("path_bfs"), m.get("path_length"));
  }

  @Test
  void aUniformPolicyTakesDetoursOnTheCubeAndOnSn() {
    for (String spec : new String[] {"cube2", "permutations:n=5"}) {
      Map<String, Double> m = evaluate(Environments.create(spec), UNIFORM);
      assertTrue(m.get("path_ratio") > 1, spec + " " + m);
      assertTrue(m.get("path_optimal") < 1, spec + " " + m);
      assertTrue(m.get("path_length") > m.get("path_bfs"), spec + " " + m);
    }
  }

  @Test
  void environmentsWithoutDistancesReportNoPathMetrics() {
    assertFalse(evaluate(Environments.create("hypergrid:dim=2,side=4"), UNIFORM).containsKey("path_ratio"));
  }
}
