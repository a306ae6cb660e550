package org.gfn4j.search;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.gfn4j.sample.DetMath;

/**
 * Pure-Java twin of native/src/search/ments.cpp over the same buffers, operation for operation
 * (det_exp/det_log, the same summation order), so that both give bit-identical trees. Arguments
 * were validated by {@link MentsTrees}.
 */
final class JavaMents {
  private JavaMents() {}

  /** logsumexp of the valid entries of row {@code row}; -inf when none is valid. */
  static double softValue(DoubleBuffer q, ByteBuffer inv, int row, int n) {
    double m = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < n; a++) {
      if (inv.get(row + a) == 0 && q.get(row + a) > m) {
        m = q.get(row + a);
      }
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0.0;
    for (int a = 0; a < n; a++) {
      if (inv.get(row + a) == 0) {
        s += DetMath.exp(q.get(row + a) - m);
      }
    }
    return m + DetLog.log(s);
  }

  static int e2wAction(DoubleBuffer q, ByteBuffer inv, int row, int n, int visits, double eps, double u) {
    int k = 0;
    double m = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < n; a++) {
      if (inv.get(row + a) != 0) {
        continue;
      }
      k++;
      if (q.get(row + a) > m) {
        m = q.get(row + a);
      }
    }
    double total = 0.0;
    for (int a = 0; a < n; a++) {
      if (inv.get(row + a) == 0) {
        total += DetMath.exp(q.get(row + a) - m);
      }
    }
    double lambda = eps * (double) k / DetLog.log((double) visits + 1.0);
    if (lambda > 1.0) {
      lambda = 1.0;
    }
    double uniform = lambda / (double) k;
    double cum = 0.0;
    int last = -1;
    for (int a = 0; a < n; a++) {
      if (inv.get(row + a) != 0) {
        continue;
      }
      last = a;
      cum += (1.0 - lambda) * (DetMath.exp(q.get(row + a) - m) / total) + uniform;
      if (u < cum) {
        return a;
      }
    }
    return last;
  }

  static void setRoots(MentsBuffers b, int[] ids, int[] rootCells, double[] rootQ, byte[] rootInvalid) {
    int n = b.actions;
    DoubleBuffer q = b.q.buffer();
    ByteBuffer inv = b.invalid.buffer();
    for (int j = 0; j < ids.length; j++) {
      int t = ids[j];
      int node = b.size.get(t);
      b.size.set(t, node + 1);
      int k = b.node(t, node);
      int row = k * n;
      for (int a = 0; a < n; a++) {
        q.put(row + a, rootQ[j * n + a]);
        inv.put(row + a, rootInvalid[j * n + a]);
        b.child.set(row + a, -1);
      }
      for (int c = 0; c < b.width; c++) {
        b.cells.set((long) k * b.width + c, rootCells[j * b.width + c]);
      }
      b.visits.set(k, 1);
      b.parent.set(k, -1);
      b.parentAction.set(k, -1);
      b.reward.set(k, 0.0);
      b.terminal.set(k, (byte) 0);
      b.value.set(k, softValue(q, inv, row, n));
      b.root.set(t, node);
    }
  }

  static void select(MentsBuffers b, int[] ids, double eps, int maxDepth, double[] uniforms, int[] outNode,
      int[] outAction, int[] outCells) {
    DoubleBuffer q = b.q.buffer();
    ByteBuffer inv = b.invalid.buffer();
    IntBuffer child = b.child.buffer();
    for (int j = 0; j < ids.length; j++) {
      int t = ids[j];
      int node = b.root.get(t);
      int act = -1;
      for (int d = 0;; d++) {
        if (b.terminal.get(b.node(t, node)) != 0) {
          break;
        }
        if (d >= maxDepth) {
          throw new IllegalArgumentException("a descent went deeper than max depth " + maxDepth);
        }
        int row = b.node(t, node) * b.actions;
        int a = e2wAction(q, inv, row, b.actions, b.visits.get(b.node(t, node)), eps, uniforms[j * maxDepth + d]);
        int next = child.get(row + a);
        if (next < 0) {
          act = a;
          break;
        }
        node = next;
      }
      outNode[j] = node;
      outAction[j] = act;
      for (int c = 0; c < b.width; c++) {
        outCells[j * b.width + c] = b.cells.get((long) b.node(t, node) * b.width + c);
      }
    }
  }

  static void expand(MentsBuffers b, int[] ids, int[] nodes, int[] acts, int[] childCells, byte[] childTerminal,
      double[] childReward, double[] childQ, byte[] childInvalid) {
    int n = b.actions;
    DoubleBuffer q = b.q.buffer();
    ByteBuffer inv = b.invalid.buffer();
    for (int j = 0; j < ids.length; j++) {
      int t = ids[j];
      int node = nodes[j];
      if (acts[j] < 0) {
        int k = b.node(t, node);
        b.visits.set(k, b.visits.get(k) + 1);
      } else {
        int p = node;
        int prow = b.node(t, p) * n;
        node = b.size.get(t);
        b.size.set(t, node + 1);
        b.child.set(prow + acts[j], node);
        int k = b.node(t, node);
        int row = k * n;
        for (int a = 0; a < n; a++) {
          b.child.set(row + a, -1);
        }
        for (int c = 0; c < b.width; c++) {
          b.cells.set((long) k * b.width + c, childCells[j * b.width + c]);
        }
        b.visits.set(k, 1);
        b.parent.set(k, p);
        b.parentAction.set(k, acts[j]);
        b.terminal.set(k, childTerminal[j]);
        if (childTerminal[j] != 0) {
          for (int a = 0; a < n; a++) {
            inv.put(row + a, (byte) 1);
            q.put(row + a, 0.0);
          }
          b.reward.set(k, 0.0);
          b.value.set(k, q.get(prow + acts[j]));
        } else {
          for (int a = 0; a < n; a++) {
            q.put(row + a, childQ[j * n + a]);
            inv.put(row + a, childInvalid[j * n + a]);
          }
          b.reward.set(k, childReward[j]);
          b.value.set(k, softValue(q, inv, row, n));
        }
      }
      backup(b, t, node);
    }
  }

  private static void backup(MentsBuffers b, int t, int node) {
    DoubleBuffer q = b.q.buffer();
    ByteBuffer inv = b.invalid.buffer();
    int root = b.root.get(t);
    while (node != root) {
      int k = b.node(t, node);
      int p = b.parent.get(k);
      int kp = b.node(t, p);
      int row = kp * b.actions;
      q.put(row + b.parentAction.get(k), b.reward.get(k) + b.value.get(k));
      b.value.set(kp, softValue(q, inv, row, b.actions));
      b.visits.set(kp, b.visits.get(kp) + 1);
      node = p;
    }
  }

  static void advance(MentsBuffers b, int[] ids, int[] acts) {
    for (int j = 0; j < ids.length; j++) {
      int t = ids[j];
      int next = b.child.get((long) b.node(t, b.root.get(t)) * b.actions + acts[j]);
      b.root.set(t, next >= 0 && b.terminal.get(b.node(t, next)) == 0 ? next : -1);
    }
  }
}
