package org.gfn4j.env.dag;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Pure-Java reference of the DAG kernels (native/src/env/dag.cpp), value for value, with the same
 * validation order: nothing is written when an action or a state is invalid.
 */
public final class JavaDag extends Dag {
  public JavaDag(DagConfig config) {
    this(config, new CachedScore(config.score()), null);
  }

  JavaDag(DagConfig config, CachedScore score, RewardModule reward) {
    super(config, score, reward);
  }

  @Override
  protected JavaDag copyWith(RewardModule replacement) {
    return new JavaDag(config, score, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.JAVA;
  }

  private boolean binary(IntBuffer c, int base) {
    for (int k = 0; k < 2 * d * d; k++) {
      int v = c.get(base + k);
      if (v != 0 && v != 1) {
        return false;
      }
    }
    return true;
  }

  private boolean noEdge(IntBuffer c, int base) {
    for (int k = 0; k < d * d; k++) {
      if (c.get(base + k) != 0) {
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
    s.cells().fill(0);
    int w = stateWidth();
    for (int b = 0; b < s.batchSize(); b++) {
      for (int i = 0; i < d; i++) {
        s.cells().set((long) b * w + d * d + i * d + i, 1);
      }
    }
    s.terminal().fill((byte) 0);
    s.pad().fill((byte) 0);
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int n = s.batchSize();
    int w = stateWidth();
    int stop = d * d;
    for (int b = 0; b < n; b++) {
      if (term.get(b) != 0) {
        continue;
      }
      int act = a.get(b);
      if (!binary(c, b * w)) {
        throw error("dag_step", "invalid argument (shape, size or value)");
      }
      if (act < 0 || act > stop) {
        throw error("dag_step", "an action id is out of range");
      }
      if (act < stop && (c.get(b * w + act) | c.get(b * w + stop + act)) != 0) {
        throw error("dag_step", "an action is forbidden by the invalid mask");
      }
    }
    int[] cells = s.cells().toArray();
    byte[] wasTerminal = s.terminal().toArray();
    for (int b = 0; b < n; b++) {
      int act = a.get(b);
      boolean t = wasTerminal[b] != 0;
      next.pad().set(b, (byte) (t ? 1 : 0));
      next.terminal().set(b, (byte) (t || act == stop ? 1 : 0));
      if (!t && act != stop) {
        int o = b * w;
        int u = act / d;
        int v = act % d;
        cells[o + act] = 1;
        int[] fromU = new int[d];
        System.arraycopy(cells, o + stop + u * d, fromU, 0, d);
        for (int i = 0; i < d; i++) {
          if (cells[o + stop + i * d + v] != 0) {
            for (int j = 0; j < d; j++) {
              cells[o + stop + i * d + j] |= fromU[j];
            }
          }
        }
      }
    }
    next.cells().copyFrom(cells);
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int n = s.batchSize();
    int w = stateWidth();
    int stop = d * d;
    for (int b = 0; b < n; b++) {
      int act = a.get(b);
      boolean t = term.get(b) != 0;
      if (!binary(c, b * w)) {
        throw error("dag_backward_step", "invalid argument (shape, size or value)");
      }
      if (!t && noEdge(c, b * w)) {
        continue;
      }
      if (act < 0 || act > stop) {
        throw error("dag_backward_step", "an action id is out of range");
      }
      if (t ? act != stop : (act == stop || c.get(b * w + act) == 0)) {
        throw error("dag_backward_step", "an action is forbidden by the invalid mask");
      }
    }
    int[] cells = s.cells().toArray();
    byte[] wasTerminal = s.terminal().toArray();
    for (int b = 0; b < n; b++) {
      int o = b * w;
      boolean t = wasTerminal[b] != 0;
      boolean initial = !t && noEdge(IntBuffer.wrap(cells), o);
      if (!t && !initial) {
        cells[o + a.get(b)] = 0;
        Closure.writeTransposedClosure(cells, o, d, cells, o + stop);
      }
      prev.terminal().set(b, (byte) 0);
      prev.pad().set(b, (byte) (initial ? 1 : 0));
      done.set(b, (byte) (noEdge(IntBuffer.wrap(cells), o) ? 1 : 0));
    }
    prev.cells().copyFrom(cells);
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer m = invalid.buffer();
    int w = stateWidth();
    int stop = d * d;
    for (int b = 0; b < s.batchSize(); b++) {
      for (int k = 0; k < stop; k++) {
        m.put(b * (stop + 1) + k, (byte) ((c.get(b * w + k) | c.get(b * w + stop + k)) != 0 ? 1 : 0));
      }
      m.put(b * (stop + 1) + stop, (byte) 0);
    }
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer m = invalid.buffer();
    int w = stateWidth();
    int stop = d * d;
    for (int b = 0; b < s.batchSize(); b++) {
      boolean t = s.isTerminal(b);
      for (int k = 0; k < stop; k++) {
        m.put(b * (stop + 1) + k, (byte) (t || c.get(b * w + k) == 0 ? 1 : 0));
      }
      m.put(b * (stop + 1) + stop, (byte) (t ? 0 : 1));
    }
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> observations) {
    IntBuffer c = s.cells().buffer();
    int w = stateWidth();
    for (int b = 0; b < s.batchSize(); b++) {
      if (!binary(c, b * w)) {
        throw error("dag_observe", "invalid argument (shape, size or value)");
      }
    }
    FloatBuffer o = ((FloatTensor) observations).buffer();
    for (int k = 0; k < s.batchSize() * w; k++) {
      o.put(k, c.get(k));
    }
  }
}
