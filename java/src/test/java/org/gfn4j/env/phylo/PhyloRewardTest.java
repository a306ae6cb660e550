package org.gfn4j.env.phylo;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.env.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Rewards of Newick trees on DS1 against a Fitch parsimony written apart from the library (sets
 * of characters over an unrooted tree, rooted anew at random edges), and the CLI's refusals.
 */
class PhyloRewardTest {
  private static Map<String, String> sequences() throws Exception {
    JsonObject o = JsonParser.parseString(Files.readString(SharedData.root("phylo/DS1.json").resolve("phylo/DS1.json")))
        .getAsJsonObject();
    Map<String, String> out = new java.util.LinkedHashMap<>();
    o.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
    return out;
  }

  private static Set<Character> chars(char c) {
    switch (c) {
      case 'N':
      case '?':
        return new HashSet<>(List.of('A', 'C', 'G', 'T'));
      default:
        return new HashSet<>(List.of(c));
    }
  }

  /** An unrooted binary tree as adjacency lists: leaves 0..n−1, internal nodes after. */
  private static List<List<Integer>> randomUnrooted(int n, Random rng) {
    List<List<Integer>> adj = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adj.add(new ArrayList<>());
    }
    List<int[]> edges = new ArrayList<>();
    int hub = adj.size(); // start: a star of three leaves
    adj.add(new ArrayList<>());
    for (int leaf = 0; leaf < 3; leaf++) {
      link(adj, hub, leaf);
      edges.add(new int[] {hub, leaf});
    }
    for (int leaf = 3; leaf < n; leaf++) { // subdivide a random edge and hang the leaf there
      int[] e = edges.remove(rng.nextInt(edges.size()));
      int mid = adj.size();
      adj.add(new ArrayList<>());
      adj.get(e[0]).remove(Integer.valueOf(e[1]));
      adj.get(e[1]).remove(Integer.valueOf(e[0]));
      link(adj, e[0], mid);
      link(adj, mid, e[1]);
      link(adj, mid, leaf);
      edges.add(new int[] {e[0], mid});
      edges.add(new int[] {mid, e[1]});
      edges.add(new int[] {mid, leaf});
    }
    return adj;
  }

  private static void link(List<List<Integer>> adj, int a, int b) {
    adj.get(a).add(b);
    adj.get(b).add(a);
  }

  /** Newick of the tree rooted on the edge (a, b), children in random order. */
  private static String newick(List<List<Integer>> adj, int a, int b, List<String> names, Random rng) {
    String x = side(adj, a, b, names, rng);
    String y = side(adj, b, a, names, rng);
    return rng.nextBoolean() ? "(" + x + "," + y + ");" : "(" + y + "," + x + ");";
  }

  private static String side(List<List<Integer>> adj, int node, int from, List<String> names, Random rng) {
    if (node < names.size()) {
      return names.get(node) + (rng.nextBoolean() ? ":0.25" : "");
    }
    List<String> parts = new ArrayList<>();
    for (int next : adj.get(node)) {
      if (next != from) {
        parts.add(side(adj, next, node, names, rng));
      }
    }
    java.util.Collections.shuffle(parts, rng);
    return "(" + String.join(",", parts) + ")";
  }

  /** Fitch parsimony of the tree rooted at a leaf's edge, with character sets. */
  private static int fitch(List<List<Integer>> adj, List<String> names, Map<String, String> seqs) {
    int total = 0;
    int sites = seqs.get(names.get(0)).length();
    for (int s = 0; s < sites; s++) {
      int[] mutations = {0};
      Set<Character> a = fitchSet(adj, 0, adj.get(0).get(0), names, seqs, s, mutations);
      Set<Character> b = fitchSet(adj, adj.get(0).get(0), 0, names, seqs, s, mutations);
      Set<Character> inter = new HashSet<>(a);
      inter.retainAll(b);
      total += mutations[0] + (inter.isEmpty() ? 1 : 0);
    }
    return total;
  }

  private static Set<Character> fitchSet(List<List<Integer>> adj, int node, int from, List<String> names,
      Map<String, String> seqs, int site, int[] mutations) {
    if (node < names.size()) {
      return chars(seqs.get(names.get(node)).charAt(site));
    }
    List<Set<Character>> kids = new ArrayList<>();
    for (int next : adj.get(node)) {
      if (next != from) {
        kids.add(fitchSet(adj, next, node, names, seqs, site, mutations));
      }
    }
    Set<Character> inter = new HashSet<>(kids.get(0));
    inter.retainAll(kids.get(1));
    if (!inter.isEmpty()) {
      return inter;
    }
    mutations[0]++;
    Set<Character> union = new HashSet<>(kids.get(0));
    union.addAll(kids.get(1));
    return union;
  }

  @Test
  void rewardOfEveryRootingAndChildOrderIsTheIndependentParsimony() throws Exception {
    Map<String, String> seqs = sequences();
    List<String> names = new ArrayList<>(seqs.keySet());
    Random rng = new Random(31);
    String data = SharedData.root("phylo/DS1.json").toString();
    for (int tree = 0; tree < 3; tree++) {
      List<List<Integer>> adj = randomUnrooted(names.size(), rng);
      double expected = (5800 - fitch(adj, names, seqs)) / 4.0;
      StringBuilder lines = new StringBuilder();
      for (int k = 0; k < 4; k++) {
        int a = rng.nextInt(adj.size());
        int b = adj.get(a).get(rng.nextInt(adj.get(a).size()));
        lines.append(newick(adj, a, b, names, rng)).append('\n');
      }
      String[] r = SharedData.cli(lines.toString(), "reward", "--env", "phylo:dataset=DS1", "--data", data);
      assertEquals("0", r[0], r[2]);
      for (String v : r[1].trim().split("\n")) {
        assertEquals(expected, Double.parseDouble(v), 1e-9 * Math.abs(expected));
      }
    }
  }

  @Test
  void badTreesExitWithCodeTwoNamingTheProblem() throws Exception {
    List<String> names = new ArrayList<>(sequences().keySet());
    String data = SharedData.root("phylo/DS1.json").toString();
    String rest = String.join(",", names.subList(2, names.size()));
    Map<String, String> cases = new HashMap<>();
    cases.put("((" + names.get(0) + ",Nobody),(" + names.get(1) + "," + rest + "));", "unknown taxon 'Nobody'");
    cases.put("(" + names.get(0) + "," + names.get(1) + ");", "misses 25 taxa");
    cases.put("((" + names.get(0) + "," + names.get(0) + "),(" + names.get(1) + "," + rest + "));", "more than once");
    cases.put("(" + names.get(0) + "," + names.get(1) + "," + rest + ");", "not binary");
    for (Map.Entry<String, String> e : cases.entrySet()) {
      String[] r = SharedData.cli(e.getKey() + "\n", "reward", "--env", "phylo:dataset=DS1", "--data", data);
      assertEquals("2", r[0], e.getValue());
      assertTrue(r[2].contains("line 1") && r[2].contains(e.getValue()), r[2]);
    }
  }

  @Test
  void sampledTreesPrintAsNewickAndDeltasAddUpFromTheRewardOfS0ToTheRewardOfTheTree() {
    Environment env = Environments.create("phylo:dataset=DS1", Backend.JAVA, SharedData.root("phylo/DS1.json"));
    int n = 4;
    Random rng = new Random(2);
    float[] deltaSum = new float[n];
    try (StateBatch s = env.newBatch(n);
        StateBatch next = env.newBatch(n);
        ByteTensor invalid = ByteTensor.allocate(n, env.numActions());
        IntTensor actions = IntTensor.allocate(n);
        FloatTensor logR = FloatTensor.allocate(n);
        FloatTensor delta = FloatTensor.allocate(n)) {
      env.reset(s);
      double initialLogR = env.logRewards(s.cells(0), 1)[0];
      assertEquals(5800.0 / (4 * 27), initialLogR, 1e-9, "the partial reward of s0 is C/(4n)");
      for (int t = 0; t < env.maxSteps(); t++) {
        env.forwardMask(s, invalid);
        for (int b = 0; b < n; b++) {
          int a;
          do {
            a = rng.nextInt(env.numActions());
          } while (invalid.get((long) b * env.numActions() + a) != 0);
          actions.set(b, a);
        }
        env.step(s, actions, next, logR);
        env.deltaScore().orElseThrow().compute(s, next, delta);
        for (int b = 0; b < n; b++) {
          deltaSum[b] += delta.get(b);
        }
        s.copyFrom(next);
      }
      for (int b = 0; b < n; b++) {
        assertTrue(s.isTerminal(b));
        String text = env.formatObject(s.cells(b));
        double logReward = env.logRewards(s.cells(b), 1)[0];
        assertEquals(logReward, env.logRewards(env.parseObject(text), 1)[0], 0.0, text);
        assertEquals(logReward - initialLogR, deltaSum[b], 1e-3 * Math.abs(logReward));
      }
    }
  }

  /**
   * The smallest number of state changes over every assignment of A, C, G, T or gap to the
   * internal nodes (a leaf costs 0 under a parent state in its set, else 1): the parsimony by
   * exhaustion, no Fitch involved. Tree ((0,1),(2,(3,4))): internal nodes r, u = (0,1),
   * v = (2,w), w = (3,4).
   */
  private static int exhaustiveParsimony(List<Set<Character>> leaves) {
    char[] states = {'A', 'C', 'G', 'T', '-'};
    int best = Integer.MAX_VALUE;
    for (char r : states) {
      for (char u : states) {
        for (char v : states) {
          for (char w : states) {
            int cost = (r != u ? 1 : 0) + (r != v ? 1 : 0) + (v != w ? 1 : 0)
                + (leaves.get(0).contains(u) ? 0 : 1) + (leaves.get(1).contains(u) ? 0 : 1)
                + (leaves.get(2).contains(v) ? 0 : 1)
                + (leaves.get(3).contains(w) ? 0 : 1) + (leaves.get(4).contains(w) ? 0 : 1);
            best = Math.min(best, cost);
          }
        }
      }
    }
    return best;
  }

  @Test
  void rewardOfAKnownTreeOnDs1sFirstFiveTaxaIsTheExhaustiveMinimumOverInternalStates() throws Exception {
    Map<String, String> seqs = sequences();
    List<String> names = new ArrayList<>(seqs.keySet()).subList(0, 5);
    int sites = seqs.get(names.get(0)).length();
    int parsimony = 0;
    for (int s = 0; s < sites; s++) {
      List<Set<Character>> leaves = new ArrayList<>();
      for (String name : names) {
        leaves.add(chars(Character.toUpperCase(seqs.get(name).charAt(s))));
      }
      parsimony += exhaustiveParsimony(leaves);
    }
    String tree = "((" + names.get(0) + "," + names.get(1) + "),(" + names.get(2) + ",(" + names.get(3) + ","
        + names.get(4) + ")));\n";
    String data = SharedData.root("phylo/DS1.json").toString();
    double expected = (5800 - parsimony) / 4.0;
    String[] r = SharedData.cli(tree, "reward", "--env", "phylo:dataset=DS1,taxa=5", "--data", data);
    assertEquals("0", r[0], r[2]);
    assertEquals(expected, Double.parseDouble(r[1].trim()), 1e-6 * Math.abs(expected));
    for (Backend backend : Backend.values()) {
      Environment env = Environments.create("phylo:dataset=DS1,taxa=5", backend, SharedData.root("phylo/DS1.json"));
      assertEquals(expected, env.logRewards(env.parseObject(tree.trim()), 1)[0], 1e-6 * Math.abs(expected));
    }
  }
}
