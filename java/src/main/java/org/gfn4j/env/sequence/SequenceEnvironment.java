package org.gfn4j.env.sequence;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.gfn4j.env.AbstractEnvironment;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.ModeSet;
import org.gfn4j.env.ObjectDistance;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;

/**
 * What both backends of a sequence environment share: shapes, token observations, the text form
 * of objects, state validation, the object distance and mode set of its family, and a bound on
 * the number of states (so that exact metrics know at once which spaces are too large).
 */
public abstract class SequenceEnvironment extends AbstractEnvironment {
  /** Everything but the reward and the backend: what a copy with another reward keeps. */
  public record Definition(EnvSpec spec, SequenceShape shape, SequenceText text, ObjectDistance distance,
      ModeSet modes, int oneHotClasses, java.util.function.Supplier<int[]> testObjects) {
    /** Token observations (transformer policies), no test set. */
    public Definition(EnvSpec spec, SequenceShape shape, SequenceText text, ObjectDistance distance, ModeSet modes) {
      this(spec, shape, text, distance, modes, 0, null);
    }

    /** One-hot feature observations over {@code oneHotClasses} ids, no test set. */
    public Definition(EnvSpec spec, SequenceShape shape, SequenceText text, ObjectDistance distance, ModeSet modes,
        int oneHotClasses) {
      this(spec, shape, text, distance, modes, oneHotClasses, null);
    }
  }

  protected final Definition definition;
  protected final SequenceShape shape;
  protected final SequenceRules rules;

  protected SequenceEnvironment(Definition definition, RewardModule reward) {
    super(reward);
    this.definition = definition;
    this.shape = definition.shape();
    this.rules = new SequenceRules(shape);
  }

  public SequenceShape shape() {
    return shape;
  }

  @Override
  public EnvSpec spec() {
    return definition.spec();
  }

  @Override
  public int numActions() {
    return shape.numActions();
  }

  @Override
  public int numBackwardActions() {
    return shape.numBackwardActions();
  }

  /**
   * Token ids [L+1] (gfnx's observation), or, where the definition names one-hot classes, the
   * one-hot features gfnx's MLP policies compute from them ([L·classes], TFBind8 and QM9).
   */
  @Override
  public ObservationSpec observationSpec() {
    int classes = definition.oneHotClasses();
    return classes > 0 ? ObservationSpec.features(shape.length() * classes)
        : ObservationSpec.tokens(shape.observationLength(), shape.vocab(), shape.pad());
  }

  @Override
  public int maxSteps() {
    return shape.length();
  }

  @Override
  public int stateWidth() {
    return shape.length();
  }

  @Override
  public ObjectDistance distance() {
    return definition.distance();
  }

  @Override
  public Optional<int[]> testObjects() {
    return definition.testObjects() == null ? Optional.empty() : Optional.of(definition.testObjects().get());
  }

  @Override
  public Optional<ModeSet> modes() {
    return Optional.ofNullable(definition.modes());
  }

  /**
   * All states: Σ_{l ≤ L} nchar^l for prefix kinds (terminal sequences with EOS counted twice for
   * AMP), (nchar + 1)^L for bitseq; capped at Long.MAX_VALUE.
   */
  @Override
  public OptionalLong stateCountBound() {
    BigInteger n = BigInteger.valueOf(shape.nchar());
    BigInteger total;
    if (shape.kind() == SequenceKind.NON_AUTOREGRESSIVE) {
      total = n.add(BigInteger.ONE).pow(shape.length());
    } else {
      total = BigInteger.ZERO;
      for (int l = 0; l <= shape.length(); l++) {
        total = total.add(n.pow(l));
      }
      if (shape.kind() == SequenceKind.AUTOREGRESSIVE) {
        total = total.shiftLeft(1);
      }
    }
    return OptionalLong.of(total.bitLength() < 63 ? total.longValue() : Long.MAX_VALUE);
  }

  @Override
  public int[] parseObject(String objectText) {
    return definition.text().parse(objectText);
  }

  @Override
  public String formatObject(int[] cells) {
    return definition.text().format(cells);
  }

  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length != shape.length() || !rules.stateValid(cells.clone(), terminal)) {
      throw new IllegalArgumentException("not a valid " + (terminal ? "complete" : "partial") + " sequence: "
          + Arrays.toString(cells));
    }
    states.set(b, cells, terminal);
  }

  @Override
  protected void checkObject(int[] cells, int offset) {
    int[] row = Arrays.copyOfRange(cells, offset, offset + shape.length());
    if (!rules.stateValid(row, true)) {
      throw new IllegalArgumentException("not a complete sequence: " + Arrays.toString(row));
    }
  }
}
