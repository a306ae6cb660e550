package org.gfn4j.env.phylo;

import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Pure-Java reference of the phylogenetic-tree kernels (native/src/env/phylo.cpp), value for
 * value, with the same validation order: nothing is written when an action or a state is invalid.
 */
public final class JavaPhylo extends Phylo {
  JavaPhylo(EnvSpec spec, PhyloData data, double c) {
    super(spec, data, c, null);
  }

  private JavaPhylo(JavaPhylo base, RewardModule reward) {
    super(base.spec, base.data, base.c, base.layout, reward);
  }

  @Override
  protected JavaPhylo copyWith(RewardModule replacement) {
    return new JavaPhylo(this, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.JAVA;
  }

  private static IllegalArgumentException error(String kernel, String what) {
    return new IllegalArgumentException(kernel + ": " + what);
  }

  @Override
  protected void doReset(StateBatch s) {
    int[] c = new int[s.batchSize() * layout.width];
    for (int b = 0; b < s.batchSize(); b++) {
      layout.reset(c, b * layout.width);
    }
    s.cells().copyFrom(c);
    s.terminal().fill((byte) 0);
    s.pad().fill((byte) 0);
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    int[] c = s.cells().toArray();
    byte[] term = s.terminal().toArray();
    int w = layout.width;
    for (int b = 0; b < s.batchSize(); b++) {
      if (term[b] != 0) {
        continue;
      }
      int o = b * w;
      int a = actions.get(b);
      int merges = c[o + layout.mergesCell];
      if (merges < 0 || merges >= layout.n - 1) {
        throw error("phylo_step", "invalid argument (shape, size or value)");
      }
      if (a < 0 || a >= layout.numPairs) {
        throw error("phylo_step", "an action id is out of range");
      }
      int ri = c[o + layout.pairI[a]];
      int rj = c[o + layout.pairJ[a]];
      if (!layout.nodeOk(ri) || !layout.nodeOk(rj)) {
        throw error("phylo_step", "invalid argument (shape, size or value)");
      }
      if (ri < 0 || rj < 0) {
        throw error("phylo_step", "an action is forbidden by the invalid mask");
      }
    }
    for (int b = 0; b < s.batchSize(); b++) {
      boolean t = term[b] != 0;
      next.pad().set(b, (byte) (t ? 1 : 0));
      next.terminal().set(b, (byte) (t || layout.merge(c, b * w, actions.get(b)) ? 1 : 0));
    }
    next.cells().copyFrom(c);
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    int[] c = s.cells().toArray();
    byte[] term = s.terminal().toArray();
    int w = layout.width;
    int n = layout.n;
    for (int b = 0; b < s.batchSize(); b++) {
      int o = b * w;
      int a = actions.get(b);
      int merges = c[o + layout.mergesCell];
      if (merges < 0 || merges > n - 1) {
        throw error("phylo_backward_step", "invalid argument (shape, size or value)");
      }
      if (merges == 0 && term[b] == 0) {
        continue;
      }
      if (a < 0 || a >= n - 1) {
        throw error("phylo_backward_step", "an action id is out of range");
      }
      int r = c[o + a];
      if (!layout.nodeOk(r)) {
        throw error("phylo_backward_step", "invalid argument (shape, size or value)");
      }
      if (r < n) {
        throw error("phylo_backward_step", "an action is forbidden by the invalid mask");
      }
      int k = r - n;
      int l = c[o + layout.left + k];
      int rr = c[o + layout.right + k];
      if (l < 0 || rr < 0 || !layout.nodeOk(l) || !layout.nodeOk(rr) || c[o + k + 1] != -1) {
        throw error("phylo_backward_step", "invalid argument (shape, size or value)");
      }
    }
    for (int b = 0; b < s.batchSize(); b++) {
      int o = b * w;
      boolean initial = c[o + layout.mergesCell] == 0 && term[b] == 0;
      if (!initial) {
        layout.split(c, o, actions.get(b));
      }
      prev.terminal().set(b, (byte) 0);
      prev.pad().set(b, (byte) (initial ? 1 : 0));
      done.set(b, (byte) (c[o + layout.mergesCell] == 0 ? 1 : 0));
    }
    prev.cells().copyFrom(c);
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    int[] c = s.cells().toArray();
    byte[] m = new byte[s.batchSize() * layout.numPairs];
    for (int b = 0; b < s.batchSize(); b++) {
      int o = b * layout.width;
      for (int a = 0; a < layout.numPairs; a++) {
        m[b * layout.numPairs + a] = (byte) (c[o + layout.pairI[a]] < 0 || c[o + layout.pairJ[a]] < 0 ? 1 : 0);
      }
    }
    invalid.buffer().put(0, m);
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    int[] c = s.cells().toArray();
    int n = layout.n;
    for (int b = 0; b < s.batchSize(); b++) {
      for (int i = 0; i < n - 1; i++) {
        invalid.set((long) b * (n - 1) + i, (byte) (c[b * layout.width + i] < n ? 1 : 0));
      }
    }
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    int[] c = s.cells().toArray();
    int n = layout.n;
    int perSlot = layout.sites * 5;
    for (int k = 0; k < s.batchSize(); k++) {
      for (int i = 0; i < n; i++) {
        if (!layout.nodeOk(c[k * layout.width + i])) {
          throw error("phylo_observe", "invalid argument (shape, size or value)");
        }
      }
    }
    float[] out = new float[s.batchSize() * n * perSlot];
    for (int b = 0; b < s.batchSize(); b++) {
      int o = b * layout.width;
      for (int i = 0; i < n; i++) {
        int r = c[o + i];
        if (r < 0) {
          continue;
        }
        int[] rows = layout.rowArray(c, r);
        int ro = layout.rowOffset(o, r);
        int base = (b * n + i) * perSlot;
        for (int t = 0; t < layout.sites; t++) {
          int set = rows[ro + t / Fitch.PER_INT] >>> (5 * (t % Fitch.PER_INT)) & 0b11111;
          for (int bit = 0; bit < 5; bit++) {
            out[base + t * 5 + bit] = set >> bit & 1;
          }
        }
      }
    }
    ((FloatTensor) obs).buffer().put(0, out);
  }
}
