package org.gfn4j.env.dag;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;

/** The BGe and linear-Gaussian scores against independent computations, and MDB's delta score. */
class DagScoreTest {
  /** Random correlated data: a chain with noise, so scores depend on the parent sets. */
  static DagData randomData(int n, int d, long seed) {
    Random rng = new Random(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = rng.nextGaussian() * 0.5 + (j > 0 ? 0.8 * row[j - 1] : 0.3);
      }
    }
    List<String> names = new java.util.ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add("V" + j);
    }
    return new DagData(names, x);
  }

  private static void assertRelative(double expected, double actual, double rel, String what) {
    assertEquals(expected, actual, rel * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void bgeLocalScoreEqualsTheRatioOfSetMarginalLikelihoods() {
    for (DagData data : List.of(randomData(40, 4, 1), TestData.defaultData())) {
      BGeScore score = new BGeScore(data);
      int d = data.numVariables();
      for (int j = 0; j < d; j++) {
        for (long pa = 0; pa < (1L << d); pa++) {
          if ((pa >> j & 1) != 0) {
            continue;
          }
          assertRelative(IndependentScores.bgeLocal(data.samples(), j, pa), score.local(j, pa), 1e-9,
              "node " + j + " parents " + Long.toBinaryString(pa));
        }
      }
    }
  }

  @Test
  void bgeIsScoreEquivalentAcrossMarkovEquivalentGraphs() {
    BGeScore s = new BGeScore(TestData.defaultData());
    // A -> B and B -> A are Markov equivalent; so are the chains A -> B -> C and A <- B <- C.
    double ab = s.local(0, 0) + s.local(1, 1L);
    double ba = s.local(1, 0) + s.local(0, 1L << 1);
    assertEquals(ab, ba, 1e-9 * Math.abs(ab));
    double chain = s.local(0, 0) + s.local(1, 1L) + s.local(2, 1L << 1);
    double reversed = s.local(2, 0) + s.local(1, 1L << 2) + s.local(0, 1L << 1);
    assertEquals(chain, reversed, 1e-9 * Math.abs(chain));
    // A collider A -> C <- B is not equivalent to the chain A -> C -> B.
    double collider = s.local(0, 0) + s.local(1, 0) + s.local(2, 0b11);
    double other = s.local(0, 0) + s.local(2, 1L) + s.local(1, 1L << 2);
    assertNotEquals(collider, other, 1e-6 * Math.abs(collider));
  }

  @Test
  void linearGaussianLocalScoreIsTheGaussianLogDensityOfTheColumn() {
    for (DagData data : List.of(randomData(30, 4, 2), TestData.defaultData())) {
      int d = data.numVariables();
      double[][] params = {{0, 1, Math.sqrt(0.1)}, {0.3, 0.7, 0.5}};
      for (double[] p : params) {
        LinearGaussianScore score = new LinearGaussianScore(data, p[0], p[1], p[2]);
        for (int j = 0; j < d; j++) {
          for (long pa = 0; pa < (1L << d); pa++) {
            if ((pa >> j & 1) != 0) {
              continue;
            }
            assertRelative(IndependentScores.linearGaussianLocal(data.samples(), j, pa, p[0], p[1], p[2]),
                score.local(j, pa), 1e-9, "node " + j + " parents " + Long.toBinaryString(pa));
          }
        }
      }
    }
  }

  @Test
  void deltaScoreOfEveryTransitionIsTheChangeOfLogReward() {
    for (String spec : List.of("dag:nodes=5", "dag:nodes=4,score=lingauss")) {
      for (Backend backend : Backend.values()) {
        Environment env = Environments.create(spec, backend, TestData.root());
        int n = 32;
        Random rng = new Random(9);
        try (StateBatch s = env.newBatch(n);
            StateBatch next = env.newBatch(n);
            ByteTensor invalid = ByteTensor.allocate(n, env.numActions());
            IntTensor actions = IntTensor.allocate(n);
            FloatTensor logR = FloatTensor.allocate(n);
            FloatTensor delta = FloatTensor.allocate(n)) {
          env.reset(s);
          for (int t = 0; t < env.maxSteps(); t++) {
            env.forwardMask(s, invalid);
            for (int b = 0; b < n; b++) { // mostly edges: stop with probability 1/8
              int a;
              do {
                a = rng.nextInt(8) == 0 ? env.numActions() - 1 : rng.nextInt(env.numActions());
              } while (invalid.get((long) b * env.numActions() + a) != 0);
              actions.set(b, a);
            }
            env.step(s, actions, next, logR);
            env.deltaScore().orElseThrow().compute(s, next, delta);
            for (int b = 0; b < n; b++) {
              double expected = 0;
              if (!s.isTerminal(b) && !next.isTerminal(b)) {
                int w = env.stateWidth();
                expected = env.reward().logRewards(next.cells(b), 1)[0] - env.reward().logRewards(s.cells(b), 1)[0];
                assertEquals(w, next.cells(b).length);
              }
              assertEquals(expected, delta.get(b), 1e-4 * Math.max(1, Math.abs(expected)),
                  spec + " " + backend + " t=" + t + " b=" + b);
            }
            s.copyFrom(next);
          }
        }
      }
    }
  }
}
