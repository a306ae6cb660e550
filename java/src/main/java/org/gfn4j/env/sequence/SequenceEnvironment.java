package org.gfn4j.env.sequence;

import java.math.BigInteger;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Optional;
import org.gfn4j.env.AbstractEnvironment;
import org.gfn4j.env.EnumerableEnvironment;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.StateBatch;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * What both backends of a sequence environment share: shapes, the text form of objects, state
 * validation, scoring newly terminal rows with the reward module in one call per step, and the
 * enumeration of small terminal spaces (base-nchar index, first token most significant).
 */
public abstract class SequenceEnvironment extends AbstractEnvironment implements EnumerableEnvironment {
  protected final SequenceShape shape;
  protected final SequenceRules rules;
  private final EnvSpec spec;
  private final SequenceText text;
  private final SequenceReward reward;
  private final SequenceEnumeration enumeration;
  private IntTensor newlyRows;
  private DoubleTensor newlyLogR;

  protected SequenceEnvironment(EnvSpec spec, SequenceShape shape, SequenceText text, SequenceReward reward) {
    this.spec = spec;
    this.shape = shape;
    this.rules = new SequenceRules(shape);
    this.text = text;
    this.reward = reward;
    this.enumeration = new SequenceEnumeration(rules);
  }

  public SequenceShape shape() {
    return shape;
  }

  public SequenceReward reward() {
    return reward;
  }

  @Override
  public EnvSpec spec() {
    return spec;
  }

  @Override
  public int numActions() {
    return shape.numActions();
  }

  @Override
  public int numBackwardActions() {
    return shape.numBackwardActions();
  }

  @Override
  public int[] observationShape() {
    return new int[] {shape.observationLength()};
  }

  @Override
  public int maxSteps() {
    return shape.length();
  }

  @Override
  public int stateWidth() {
    return shape.length();
  }

  /** Writes token observations [B, L+1] (the transformer policy's input). */
  public abstract void observeTokens(StateBatch states, IntTensor obs);

  /**
   * Runs the transition kernel: next states, zero rewards, and the rows that became terminal
   * written to {@code newly}; returns their count.
   */
  protected abstract int stepKernel(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward,
      IntTensor newly);

  @Override
  protected final synchronized void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    int b = s.batchSize();
    if (newlyRows == null || newlyRows.size() < b) {
      closeScratch();
      newlyRows = IntTensor.allocate(b);
      newlyLogR = DoubleTensor.allocate(b);
    }
    int count = stepKernel(s, actions, next, logReward, newlyRows);
    if (count == 0) {
      return;
    }
    reward.logRewards(next.cells(), newlyRows, count, newlyLogR);
    IntBuffer rows = newlyRows.buffer();
    FloatBuffer out = logReward.buffer();
    for (int i = 0; i < count; i++) {
      out.put(rows.get(i), (float) newlyLogR.get(i));
    }
  }

  private void closeScratch() {
    if (newlyRows != null) {
      newlyRows.close();
      newlyLogR.close();
    }
  }

  @Override
  public int[] parseObject(String objectText) {
    return text.parse(objectText);
  }

  @Override
  public String formatObject(int[] cells) {
    return text.format(cells);
  }

  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length != shape.length() || !rules.stateValid(cells.clone(), terminal)) {
      throw new IllegalArgumentException("not a valid " + (terminal ? "complete" : "partial") + " sequence: "
          + java.util.Arrays.toString(cells));
    }
    states.set(b, cells, terminal);
  }

  @Override
  public final double[] logRewards(int[] cells, int count) {
    int w = shape.length();
    if (count < 0 || cells.length != (long) count * w) {
      throw new IllegalArgumentException(count + " objects need " + (long) count * w + " cells, got " + cells.length);
    }
    int[] row = new int[w];
    for (int i = 0; i < count; i++) {
      System.arraycopy(cells, i * w, row, 0, w);
      if (!rules.stateValid(row, true)) {
        throw new IllegalArgumentException("object " + i + " is not a complete sequence: " + java.util.Arrays.toString(row));
      }
    }
    if (count == 0) {
      return new double[0];
    }
    try (IntTensor t = IntTensor.of(cells, count, w); DoubleTensor out = DoubleTensor.allocate(count)) {
      reward.logRewards(t, null, count, out);
      return out.toArray();
    }
  }

  @Override
  public Optional<EnumerableEnvironment> enumerable() {
    return enumeration.fits() ? Optional.of(this) : Optional.empty();
  }

  @Override
  public BigInteger terminalCount() {
    return enumeration.terminalCount();
  }

  @Override
  public long numTerminalStates() {
    return enumeration.numTerminal();
  }

  @Override
  public int[] terminalState(long index) {
    return enumeration.terminalState(index);
  }

  @Override
  public long terminalIndex(int[] cells) {
    return enumeration.terminalIndex(cells);
  }

  @Override
  public long numStates() {
    return enumeration.states().size();
  }

  @Override
  public int[] state(long index) {
    return enumeration.states().state(index);
  }

  @Override
  public long stateIndex(int[] cells) {
    return enumeration.states().index(cells);
  }

  private double[] cachedLogR;
  private double cachedLogZ = Double.NaN;
  private double cachedMeanReward = Double.NaN;

  @Override
  public double[] terminalLogRewards() {
    return enumerated().clone();
  }

  /** log R of every terminal object, computed once along with log Z and the mean reward. */
  private synchronized double[] enumerated() {
    if (cachedLogR == null) {
      int n = Math.toIntExact(numTerminalStates());
      int chunk = 1 << 16;
      double[] out = new double[n];
      for (int start = 0; start < n; start += chunk) {
        int count = Math.min(chunk, n - start);
        int[] cells = new int[count * shape.length()];
        for (int i = 0; i < count; i++) {
          System.arraycopy(terminalState(start + i), 0, cells, i * shape.length(), shape.length());
        }
        System.arraycopy(logRewards(cells, count), 0, out, start, count);
      }
      cachedLogR = out;
      double max = java.util.Arrays.stream(out).max().orElse(0);
      double sum = 0;
      double sum2 = 0;
      for (double v : out) {
        sum += Math.exp(v - max);
        sum2 += Math.exp(2 * (v - max));
      }
      cachedLogZ = max + Math.log(sum);
      cachedMeanReward = Math.exp(max) * sum2 / sum;
    }
    return cachedLogR;
  }

  @Override
  public double logZ() {
    enumerated();
    return cachedLogZ;
  }

  @Override
  public double meanReward() {
    enumerated();
    return cachedMeanReward;
  }
}
