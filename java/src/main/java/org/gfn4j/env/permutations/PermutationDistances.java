package org.gfn4j.env.permutations;

import java.util.concurrent.ConcurrentHashMap;
import org.gfn4j.env.ShortestPaths;

/**
 * Exact move distances on S_n under the permutation environment's moves (adjacent transpositions
 * and the cyclic shift, acting on positions), for n ≤ 10: one breadth-first search from the
 * identity over an array indexed by the Lehmer rank (10! ≈ 3.6M bytes), cached per n. A path
 * from u to x multiplies u on the right by the moves, so d(u, x) = d(id, u⁻¹∘x).
 */
public final class PermutationDistances implements ShortestPaths {
  public static final int MAX_N = 10;
  private static final ConcurrentHashMap<Integer, PermutationDistances> CACHE = new ConcurrentHashMap<>();

  private final int n;
  private final byte[] distance;

  private PermutationDistances(int n) {
    this.n = n;
    int size = (int) new PermutationsConfig(n, 1, 64).factorial();
    distance = new byte[size];
    java.util.Arrays.fill(distance, (byte) -1);
    int[] queue = new int[size];
    int head = 0;
    int tail = 0;
    int[] p = new int[n];
    int[] q = new int[n];
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    distance[rank(id)] = 0;
    queue[tail++] = rank(id);
    while (head < tail) {
      int here = queue[head++];
      unrank(here, p);
      for (int a = 0; a < n; a++) {
        if (a == n - 1) {
          for (int i = 0; i < n; i++) {
            q[i] = p[(i + n - 1) % n];
          }
        } else {
          System.arraycopy(p, 0, q, 0, n);
          q[a] = p[a + 1];
          q[a + 1] = p[a];
        }
        int next = rank(q);
        if (distance[next] < 0) {
          distance[next] = (byte) (distance[here] + 1);
          queue[tail++] = next;
        }
      }
    }
  }

  /** The table of S_n, searched on first use; IllegalArgumentException beyond n = 10. */
  public static PermutationDistances of(int n) {
    if (n < PermutationsConfig.MIN_N || n > MAX_N) {
      throw new IllegalArgumentException("exact distances on S_n need n in [" + PermutationsConfig.MIN_N + ", "
          + MAX_N + "], got " + n);
    }
    return CACHE.computeIfAbsent(n, PermutationDistances::new);
  }

  /** Lehmer rank of a permutation of 0..n−1. */
  int rank(int[] p) {
    int r = 0;
    for (int i = 0; i < n; i++) {
      int smaller = 0;
      for (int j = i + 1; j < n; j++) {
        smaller += p[j] < p[i] ? 1 : 0;
      }
      r = r * (n - i) + smaller;
    }
    return r;
  }

  private void unrank(int r, int[] out) {
    int[] digits = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      digits[i] = r % (n - i);
      r /= n - i;
    }
    int used = 0;
    for (int i = 0; i < n; i++) {
      int k = digits[i];
      for (int v = 0; v < n; v++) {
        if ((used >> v & 1) == 0 && k-- == 0) {
          out[i] = v;
          used |= 1 << v;
          break;
        }
      }
    }
  }

  /** Number of permutations at each distance 0..diameter from the identity. */
  public long[] histogram() {
    long[] counts = new long[64];
    int max = 0;
    for (byte d : distance) {
      counts[d]++;
      max = Math.max(max, d);
    }
    return java.util.Arrays.copyOf(counts, max + 1);
  }

  @Override
  public int distance(int[] from, int[] to) {
    int[] inverse = new int[n];
    for (int i = 0; i < n; i++) {
      inverse[from[i]] = i;
    }
    int[] rel = new int[n];
    for (int i = 0; i < n; i++) {
      rel[i] = inverse[to[i]];
    }
    return distance[rank(rel)];
  }
}
