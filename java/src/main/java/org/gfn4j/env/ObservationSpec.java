package org.gfn4j.env;

import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * What an environment's observation of one state is: {@code size} float32 features (the
 * hypergrid's one-hot) or {@code size} int32 token ids in [0, vocabulary) with a padding id (the
 * sequence environments). Buffers for observations are allocated through this description, so
 * trajectories, replay, compaction and exact metrics handle every environment alike, and the
 * policy kind is chosen from it.
 */
public record ObservationSpec(Kind kind, int size, int vocabulary, int padId) {
  /** The element type of an observation. */
  public enum Kind {
    /** float32 features, for MLP policies. */
    FEATURES,
    /** int32 token ids, for transformer policies. */
    TOKENS
  }

  public ObservationSpec {
    if (kind == null) {
      throw new IllegalArgumentException("observation kind must not be null");
    }
    if (size <= 0) {
      throw new IllegalArgumentException("observation size must be positive, got " + size);
    }
    if (kind == Kind.TOKENS && (vocabulary <= 0 || padId < 0 || padId >= vocabulary)) {
      throw new IllegalArgumentException(
          "token observations need a vocabulary > 0 and a padding id inside it, got vocabulary " + vocabulary
              + ", padding " + padId);
    }
  }

  /** {@code size} float32 features. */
  public static ObservationSpec features(int size) {
    return new ObservationSpec(Kind.FEATURES, size, 0, 0);
  }

  /** {@code length} int32 tokens in [0, vocabulary), {@code padId} marking empty positions. */
  public static ObservationSpec tokens(int length, int vocabulary, int padId) {
    return new ObservationSpec(Kind.TOKENS, length, vocabulary, padId);
  }

  public boolean isTokens() {
    return kind == Kind.TOKENS;
  }

  /** A zeroed buffer of observations with the given leading dimensions and {@code size} last. */
  public Tensor<?> allocate(long... leading) {
    long[] shape = java.util.Arrays.copyOf(leading, leading.length + 1);
    shape[leading.length] = size;
    return isTokens() ? IntTensor.allocate(shape) : FloatTensor.allocate(shape);
  }

  /** The tensor class observations of this kind are held in. */
  public Class<? extends Tensor<?>> tensorClass() {
    return isTokens() ? IntTensor.class : FloatTensor.class;
  }

  /** Throws IllegalArgumentException unless {@code obs} holds {@code rows} observations of this kind. */
  public void check(String name, Tensor<?> obs, long rows) {
    if (obs == null || obs.getClass() != tensorClass()) {
      throw new IllegalArgumentException(
          name + " must be a " + tensorClass().getSimpleName() + " for " + this + ", got " + obs);
    }
    obs.requireSize(name, rows * size);
  }

  @Override
  public String toString() {
    return isTokens() ? "tokens[" + size + ", vocabulary " + vocabulary + ", pad " + padId + "]"
        : "features[" + size + "]";
  }
}
