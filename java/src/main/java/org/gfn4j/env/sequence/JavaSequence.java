package org.gfn4j.env.sequence;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Pure-Java reference of the sequence kernels: the executable specification the native kernels
 * must match value for value. Same validation order: nothing is written when an action or a
 * state is invalid.
 */
public final class JavaSequence extends SequenceEnvironment {
  private final int width;

  public JavaSequence(Definition definition, RewardModule reward) {
    super(definition, reward);
    this.width = shape.length();
  }

  @Override
  protected JavaSequence copyWith(RewardModule replacement) {
    return new JavaSequence(definition, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.JAVA;
  }

  private int[] row(IntBuffer c, int b) {
    int[] t = new int[width];
    c.get(b * width, t);
    return t;
  }

  @Override
  protected void doReset(StateBatch s) {
    IntBuffer c = s.cells().buffer();
    for (int i = 0; i < s.batchSize() * width; i++) {
      c.put(i, shape.pad());
    }
    for (int b = 0; b < s.batchSize(); b++) {
      s.terminal().buffer().put(b, (byte) 0);
      s.pad().buffer().put(b, (byte) 0);
    }
  }

  private static void fail(String kernel, String reason) {
    throw new IllegalArgumentException(kernel + ": " + reason);
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int n = s.batchSize();
    String worst = null;
    for (int b = 0; b < n; b++) {
      if (term.get(b) == 0) {
        String e = rules.forwardError(row(c, b), a.get(b));
        if (e != null && (worst == null || !e.contains("mask"))) {
          worst = e;
        }
      }
    }
    if (worst != null) {
      fail("sequence_step", worst);
    }
    IntBuffer out = next.cells().buffer();
    ByteBuffer termOut = next.terminal().buffer();
    ByteBuffer padOut = next.pad().buffer();
    for (int b = 0; b < n; b++) {
      int[] t = row(c, b);
      boolean wasTerminal = term.get(b) != 0;
      if (!wasTerminal) {
        rules.applyForward(t, a.get(b));
      }
      out.put(b * width, t);
      padOut.put(b, (byte) (wasTerminal ? 1 : 0));
      termOut.put(b, (byte) (wasTerminal || rules.complete(t) ? 1 : 0));
    }
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    IntBuffer a = actions.buffer();
    int n = s.batchSize();
    checkBackward("sequence_backward_step", c, term, a, n);
    IntBuffer out = prev.cells().buffer();
    ByteBuffer termOut = prev.terminal().buffer();
    ByteBuffer padOut = prev.pad().buffer();
    ByteBuffer doneOut = done.buffer();
    for (int b = 0; b < n; b++) {
      int[] t = row(c, b);
      boolean wasInitial = term.get(b) == 0 && rules.isInitial(t);
      if (!wasInitial) {
        rules.applyBackward(t, a.get(b));
      }
      out.put(b * width, t);
      termOut.put(b, (byte) 0);
      padOut.put(b, (byte) (wasInitial ? 1 : 0));
      doneOut.put(b, (byte) (rules.isInitial(t) ? 1 : 0));
    }
  }

  private void checkBackward(String kernel, IntBuffer c, ByteBuffer term, IntBuffer a, int n) {
    String worst = null;
    for (int b = 0; b < n; b++) {
      String e = rules.backwardError(row(c, b), term.get(b) != 0, a.get(b));
      if (e != null && (worst == null || !e.contains("mask"))) {
        worst = e;
      }
    }
    if (worst != null) {
      fail(kernel, worst);
    }
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    byte[] m = new byte[shape.numActions()];
    for (int b = 0; b < s.batchSize(); b++) {
      rules.forwardMask(row(s.cells().buffer(), b), m);
      invalid.buffer().put(b * m.length, m);
    }
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    byte[] m = new byte[shape.numBackwardActions()];
    for (int b = 0; b < s.batchSize(); b++) {
      rules.backwardMask(row(s.cells().buffer(), b), m);
      invalid.buffer().put(b * m.length, m);
    }
  }

  private int[] observations(StateBatch s) {
    int len = shape.observationLength();
    int[] all = new int[s.batchSize() * len];
    int[] o = new int[len];
    for (int b = 0; b < s.batchSize(); b++) {
      int[] t = row(s.cells().buffer(), b);
      if (!rules.tokensValid(t)) {
        fail("sequence_observe", "invalid argument (shape, size or value)");
      }
      rules.observe(t, o);
      System.arraycopy(o, 0, all, b * len, len);
    }
    return all;
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    int classes = definition.oneHotClasses();
    if (classes == 0) {
      ((IntTensor) obs).buffer().put(0, observations(s));
      return;
    }
    int[] tokens = new int[s.batchSize() * width];
    s.cells().buffer().get(0, tokens);
    for (int b = 0; b < s.batchSize(); b++) {
      if (!rules.tokensValid(java.util.Arrays.copyOfRange(tokens, b * width, (b + 1) * width))) {
        fail("sequence_observe_one_hot", "invalid argument (shape, size or value)");
      }
    }
    float[] out = new float[tokens.length * classes];
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i] < classes) {
        out[i * classes + tokens[i]] = 1f;
      }
    }
    ((FloatTensor) obs).buffer().put(0, out);
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      out.buffer().put(b, rules.backwardAction(actions.buffer().get(b)));
    }
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    IntBuffer c = s.cells().buffer();
    ByteBuffer term = s.terminal().buffer();
    checkBackward("sequence_forward_actions", c, term, backwardActions.buffer(), s.batchSize());
    for (int b = 0; b < s.batchSize(); b++) {
      out.buffer().put(b, rules.forwardAction(row(c, b), term.get(b) != 0, backwardActions.buffer().get(b)));
    }
  }
}
