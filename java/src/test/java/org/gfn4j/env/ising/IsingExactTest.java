package org.gfn4j.env.ising;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateSpace;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Ising log-rewards and exact log Z against a computation over the set of undirected torus bonds
 * (xᵀJx = 2σ Σ_bonds x_i x_j), written apart from the library's matrix form.
 */
class IsingExactTest {
  /** Undirected 4-neighbour bonds of the N×N torus (a set, so N = 2's double neighbours count once). */
  private static List<int[]> bonds(int n) {
    Set<List<Integer>> set = new HashSet<>();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        int i = r * n + c;
        int right = r * n + (c + 1) % n;
        int down = ((r + 1) % n) * n + c;
        for (int j : new int[] {right, down}) {
          if (i != j) {
            set.add(List.of(Math.min(i, j), Math.max(i, j)));
          }
        }
      }
    }
    return set.stream().map(l -> new int[] {l.get(0), l.get(1)}).toList();
  }

  private static double logReward(String text, int n, double sigma) {
    double s = 0;
    for (int[] b : bonds(n)) {
      int xi = text.charAt(b[0]) == '+' ? 1 : -1;
      int xj = text.charAt(b[1]) == '+' ? 1 : -1;
      s += xi * xj;
    }
    return 2 * sigma * s;
  }

  private static String config(int code, int sites) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sites; i++) {
      sb.append((code >> i & 1) == 1 ? '+' : '-');
    }
    return sb.toString();
  }

  private static double[] independentLogZAndMean(int n, double sigma) {
    int sites = n * n;
    double max = Double.NEGATIVE_INFINITY;
    double[] logR = new double[1 << sites];
    for (int code = 0; code < logR.length; code++) {
      logR[code] = logReward(config(code, sites), n, sigma);
      max = Math.max(max, logR[code]);
    }
    double z = 0;
    double z2 = 0;
    for (double v : logR) {
      z += Math.exp(v - max);
      z2 += Math.exp(2 * (v - max));
    }
    double logZ = max + Math.log(z);
    return new double[] {logZ, Math.exp(2 * max + Math.log(z2) - logZ)};
  }

  @Test
  void exactCommandMatchesTheBondSumUpToFourByFour() {
    for (int n = 1; n <= 4; n++) {
      for (double sigma : new double[] {0.1, -0.35}) {
        String[] r = SharedData.cli("", "exact", "--env", "ising:side=" + n + ",sigma=" + sigma);
        assertEquals("0", r[0], r[2]);
        JsonObject o = JsonParser.parseString(r[1].trim()).getAsJsonObject();
        double[] expected = independentLogZAndMean(n, sigma);
        assertEquals(1L << (n * n), o.get("num_terminal").getAsLong());
        assertEquals(expected[0], o.get("log_z").getAsDouble(), 1e-9 * Math.abs(expected[0]), "log Z at N=" + n);
        assertEquals(expected[1], o.get("mean_reward").getAsDouble(), 1e-9 * expected[1], "mean reward at N=" + n);
      }
    }
  }

  @Test
  void closedFormAgreesWithStateSpaceEnumerationOfTheRewards() {
    for (Backend backend : Backend.values()) {
      Environment env = Environments.create("ising:side=3,sigma=0.2", backend);
      StateSpace space = StateSpace.enumerate(env);
      assertEquals(512, space.numTerminalStates());
      double[] logR = space.terminalLogRewards();
      double max = java.util.Arrays.stream(logR).max().orElseThrow();
      double z = 0;
      for (double v : logR) {
        z += Math.exp(v - max);
      }
      assertEquals(env.closedForm().orElseThrow().logZ(), max + Math.log(z), 1e-9);
    }
  }

  @Test
  void rewardCommandReadsPlusMinusText() {
    String[] lines = {"+++++++++", "+-+-+-+-+", "--+-++-+-"};
    String[] r = SharedData.cli(String.join("\n", lines) + "\n", "reward", "--env", "ising:side=3,sigma=0.1");
    assertEquals("0", r[0], r[2]);
    String[] out = r[1].trim().split("\n");
    for (int k = 0; k < lines.length; k++) {
      double expected = logReward(lines[k], 3, 0.1);
      assertEquals(expected, Double.parseDouble(out[k]), 1e-12 + 1e-9 * Math.abs(expected), lines[k]);
    }
    String[] bad = SharedData.cli("++++x++++\n", "reward", "--env", "ising:side=3");
    assertEquals("2", bad[0]);
    assertTrue(bad[2].contains("line 1"), bad[2]);
  }
}
