package org.gfn4j.env.permutations;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn4j.env.Environments;
import org.junit.jupiter.api.Test;

/** The array-indexed BFS on S_n against a plain hash-map BFS from other start permutations. */
class PermutationDistancesTest {
  /** BFS from u over the environment's moves, keyed by the permutation's text. */
  private static Map<String, Integer> bfs(int[] u) {
    int n = u.length;
    Map<String, Integer> dist = new HashMap<>();
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    dist.put(Arrays.toString(u), 0);
    queue.add(u);
    while (!queue.isEmpty()) {
      int[] p = queue.poll();
      int d = dist.get(Arrays.toString(p));
      for (int a = 0; a < n; a++) {
        int[] q = p.clone();
        if (a == n - 1) {
          for (int i = 0; i < n; i++) {
            q[i] = p[(i + n - 1) % n];
          }
        } else {
          q[a] = p[a + 1];
          q[a + 1] = p[a];
        }
        if (dist.putIfAbsent(Arrays.toString(q), d + 1) == null) {
          queue.add(q);
        }
      }
    }
    return dist;
  }

  @Test
  void distancesMatchAHashMapSearchFromOtherStarts() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int n = 2; n <= 6; n++) {
      PermutationDistances table = PermutationDistances.of(n);
      for (int trial = 0; trial < 3; trial++) {
        int[] u = new int[n];
        for (int i = 0; i < n; i++) { // Fisher–Yates, inside-out
          int j = rng.nextInt(i + 1);
          u[i] = u[j];
          u[j] = i;
        }
        Map<String, Integer> expected = bfs(u);
        assertEquals(new PermutationsConfig(n, 1, 64).factorial(), expected.size());
        expected.forEach((key, d) -> {
          int[] x = Arrays.stream(key.substring(1, key.length() - 1).split(", ")).mapToInt(Integer::parseInt).toArray();
          assertEquals(d.intValue(), table.distance(u, x), "d(" + Arrays.toString(u) + ", " + key + ")");
        });
      }
      assertEquals(new PermutationsConfig(n, 1, 64).factorial(), Arrays.stream(table.histogram()).sum());
    }
  }

  @Test
  void onlyGroupsUpToTenAreSearched() {
    assertTrue(Environments.create("permutations:n=8").shortestPaths().isPresent());
    assertTrue(Environments.create("permutations:n=11").shortestPaths().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> PermutationDistances.of(11));
  }
}
