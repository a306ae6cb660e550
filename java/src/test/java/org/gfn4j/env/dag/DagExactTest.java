package org.gfn4j.env.dag;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.Map;
import org.gfn4j.env.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@code gfn4j exact} and {@code gfn4j reward} on the d = 5 data against a brute force written
 * apart from the library: every 0/1 matrix with a zero diagonal (2^20), kept when a topological
 * order exists, scored with the independent BGe.
 */
class DagExactTest {
  private record Brute(int count, double logZ, double meanReward, double[][] edges) {}

  private static Brute bruteForce(double[][] x, int d) {
    Map<Long, Double> local = new HashMap<>();
    int off = d * d - d;
    int[] bitCell = new int[off];
    for (int k = 0, c = 0; c < d * d; c++) {
      if (c / d != c % d) {
        bitCell[k++] = c;
      }
    }
    java.util.List<double[]> kept = new java.util.ArrayList<>(); // {logR, code}
    for (long code = 0; code < (1L << off); code++) {
      int[] adj = new int[d * d];
      for (int k = 0; k < off; k++) {
        adj[bitCell[k]] = (int) (code >> k & 1);
      }
      if (!hasTopologicalOrder(adj, d)) {
        continue;
      }
      double logR = 0;
      for (int j = 0; j < d; j++) {
        long pa = 0;
        for (int i = 0; i < d; i++) {
          pa |= (long) adj[i * d + j] << i;
        }
        long key = pa * 64 + j;
        final int node = j;
        final long parents = pa;
        logR += local.computeIfAbsent(key, k -> IndependentScores.bgeLocal(x, node, parents));
      }
      kept.add(new double[] {logR, code});
    }
    double max = kept.stream().mapToDouble(v -> v[0]).max().orElseThrow();
    double z = 0;
    double z2 = 0;
    for (double[] v : kept) {
      z += Math.exp(v[0] - max);
      z2 += Math.exp(2 * (v[0] - max));
    }
    double[][] edges = new double[d][d];
    for (double[] v : kept) {
      double p = Math.exp(v[0] - max) / z;
      long code = (long) v[1];
      for (int k = 0; k < off; k++) {
        if ((code >> k & 1) != 0) {
          edges[bitCell[k] / d][bitCell[k] % d] += p;
        }
      }
    }
    double logZ = max + Math.log(z);
    double meanReward = Math.exp(2 * max + Math.log(z2) - logZ);
    return new Brute(kept.size(), logZ, meanReward, edges);
  }

  /** Kahn's algorithm: true when every node can be removed in some order of zero in-degree. */
  private static boolean hasTopologicalOrder(int[] adj, int d) {
    int[] indeg = new int[d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        indeg[j] += adj[i * d + j];
      }
    }
    boolean[] removed = new boolean[d];
    for (int round = 0; round < d; round++) {
      int pick = -1;
      for (int j = 0; j < d && pick < 0; j++) {
        if (!removed[j] && indeg[j] == 0) {
          pick = j;
        }
      }
      if (pick < 0) {
        return false;
      }
      removed[pick] = true;
      for (int j = 0; j < d; j++) {
        indeg[j] -= adj[pick * d + j];
      }
    }
    return true;
  }

  @Test
  void exactCommandMatchesBruteForceEnumerationAtFiveNodes() {
    String data = TestData.root().toString();
    String[] r = SharedData.cli("", "exact", "--env", "dag:nodes=5,score=bge,data=" + DagConfig.DEFAULT_DATA, "--data", data);
    assertEquals("0", r[0], r[2]);
    JsonObject o = JsonParser.parseString(r[1].trim()).getAsJsonObject();
    Brute b = bruteForce(TestData.defaultData().samples(), 5);
    assertEquals(29281, b.count());
    assertEquals(29281, o.get("num_terminal").getAsLong());
    assertEquals(b.logZ(), o.get("log_z").getAsDouble(), 1e-6 * Math.abs(b.logZ()));
    assertEquals(b.meanReward(), o.get("mean_reward").getAsDouble(), 1e-6 * b.meanReward());
    JsonArray rows = o.getAsJsonArray("edge_marginals");
    assertEquals(5, rows.size());
    for (int i = 0; i < 5; i++) {
      JsonArray row = rows.get(i).getAsJsonArray();
      for (int j = 0; j < 5; j++) {
        assertEquals(b.edges()[i][j], row.get(j).getAsDouble(), 1e-5, "P(" + i + " -> " + j + ")");
      }
    }
  }

  @Test
  void rewardCommandScoresGraphsGivenAsAdjacencyText() {
    String data = TestData.root().toString();
    String graphs = "0000000000000000000000000\n0001100000000010000000010\n"; // empty; the true graph
    String[] r = SharedData.cli(graphs, "reward", "--env", "dag:nodes=5", "--data", data);
    assertEquals("0", r[0], r[2]);
    String[] lines = r[1].trim().split("\n");
    double[][] x = TestData.defaultData().samples();
    double empty = 0;
    for (int j = 0; j < 5; j++) {
      empty += IndependentScores.bgeLocal(x, j, 0);
    }
    // the true graph: A->D, A->E, C->E, E->D
    double truth = IndependentScores.bgeLocal(x, 0, 0) + IndependentScores.bgeLocal(x, 1, 0)
        + IndependentScores.bgeLocal(x, 2, 0) + IndependentScores.bgeLocal(x, 3, 0b10001)
        + IndependentScores.bgeLocal(x, 4, 0b101);
    assertEquals(empty, Double.parseDouble(lines[0]), 1e-6 * Math.abs(empty));
    assertEquals(truth, Double.parseDouble(lines[1]), 1e-6 * Math.abs(truth));
    String[] cyclic = SharedData.cli("0100010000000000000000000\n1000000000000000000000000\n", "reward", "--env", "dag:nodes=5",
        "--data", data);
    assertEquals("2", cyclic[0]);
    assertTrue(cyclic[2].contains("line 1") && cyclic[2].contains("cycle"), cyclic[2]);
  }
}
