package org.gfn4j.env.ising;

import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Pure-Java reference of the Ising kernels (native/src/env/ising.cpp), value for value, with the
 * same validation order: nothing is written when an action or a state is invalid.
 */
public final class JavaIsing extends Ising {
  public JavaIsing(IsingConfig config) {
    this(config, null);
  }

  /** With {@code reward} (null: xᵀJx with J = σ·A in Java). */
  public JavaIsing(IsingConfig config, RewardModule reward) {
    super(config, reward, CouplingReward.javaModule(config.sites(), config.coupling()));
  }

  @Override
  protected JavaIsing copyWith(RewardModule replacement) {
    return new JavaIsing(config, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.JAVA;
  }

  private boolean valid(int[] c, int o) {
    for (int i = 0; i < sites; i++) {
      if (c[o + i] < -1 || c[o + i] > 1) {
        return false;
      }
    }
    return true;
  }

  private boolean allUnset(int[] c, int o) {
    for (int i = 0; i < sites; i++) {
      if (c[o + i] != -1) {
        return false;
      }
    }
    return true;
  }

  private boolean allSet(int[] c, int o) {
    for (int i = 0; i < sites; i++) {
      if (c[o + i] == -1) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException error(String kernel, String what) {
    return new IllegalArgumentException(kernel + ": " + what);
  }

  @Override
  protected void doReset(StateBatch s) {
    s.cells().fill(-1);
    s.terminal().fill((byte) 0);
    s.pad().fill((byte) 0);
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    int[] c = s.cells().toArray();
    byte[] term = s.terminal().toArray();
    int n = s.batchSize();
    for (int b = 0; b < n; b++) {
      if (term[b] != 0) {
        continue;
      }
      int a = actions.get(b);
      if (!valid(c, b * sites)) {
        throw error("ising_step", "invalid argument (shape, size or value)");
      }
      if (a < 0 || a >= 2 * sites) {
        throw error("ising_step", "an action id is out of range");
      }
      if (c[b * sites + a % sites] != -1) {
        throw error("ising_step", "an action is forbidden by the invalid mask");
      }
    }
    for (int b = 0; b < n; b++) {
      boolean t = term[b] != 0;
      next.pad().set(b, (byte) (t ? 1 : 0));
      if (!t) {
        int a = actions.get(b);
        c[b * sites + a % sites] = a / sites;
      }
      next.terminal().set(b, (byte) (t || allSet(c, b * sites) ? 1 : 0));
    }
    next.cells().copyFrom(c);
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    int[] c = s.cells().toArray();
    int n = s.batchSize();
    for (int b = 0; b < n; b++) {
      int a = actions.get(b);
      if (!valid(c, b * sites)) {
        throw error("ising_backward_step", "invalid argument (shape, size or value)");
      }
      if (allUnset(c, b * sites)) {
        continue;
      }
      if (a < 0 || a >= sites) {
        throw error("ising_backward_step", "an action id is out of range");
      }
      if (c[b * sites + a] == -1) {
        throw error("ising_backward_step", "an action is forbidden by the invalid mask");
      }
    }
    for (int b = 0; b < n; b++) {
      boolean initial = allUnset(c, b * sites);
      if (!initial) {
        c[b * sites + actions.get(b)] = -1;
      }
      prev.terminal().set(b, (byte) 0);
      prev.pad().set(b, (byte) (initial ? 1 : 0));
      done.set(b, (byte) (allUnset(c, b * sites) ? 1 : 0));
    }
    prev.cells().copyFrom(c);
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    int[] c = s.cells().toArray();
    for (int b = 0; b < s.batchSize(); b++) {
      for (int i = 0; i < sites; i++) {
        byte m = (byte) (c[b * sites + i] != -1 ? 1 : 0);
        invalid.set((long) b * 2 * sites + i, m);
        invalid.set((long) b * 2 * sites + sites + i, m);
      }
    }
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    int[] c = s.cells().toArray();
    for (int k = 0; k < c.length; k++) {
      invalid.set(k, (byte) (c[k] == -1 ? 1 : 0));
    }
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    int[] c = s.cells().toArray();
    FloatTensor o = (FloatTensor) obs;
    for (int k = 0; k < c.length; k++) {
      o.set(k, c[k]);
    }
  }
}
