package org.gfn4j.env.sequence;

/**
 * Sizes and special token ids of one sequence environment: {@code length} positions, characters
 * {@code 0..nchar-1}, then PAD, BOS and EOS ids as gfnx numbers them for that environment.
 * {@code trailing} selects AMP's observation (tokens, then EOS or PAD) over BOS + tokens.
 */
public record SequenceShape(SequenceKind kind, int length, int nchar, int pad, int bos, int eos, boolean trailing) {
  /** Largest number of forward actions (positions × characters) accepted. */
  public static final int MAX_ACTIONS = 1 << 24;

  public SequenceShape {
    if (kind == null) {
      throw new IllegalArgumentException("sequence kind is required");
    }
    if (length < 1 || nchar < 1) {
      throw new IllegalArgumentException("length and nchar must be positive, got " + length + ", " + nchar);
    }
    if ((long) length * nchar > MAX_ACTIONS) {
      throw new IllegalArgumentException("length*nchar must be at most " + MAX_ACTIONS);
    }
    if (pad < nchar || bos < nchar || eos < nchar || pad == bos || pad == eos || bos == eos) {
      throw new IllegalArgumentException("special tokens must be distinct ids >= nchar");
    }
  }

  public int numActions() {
    switch (kind) {
      case NON_AUTOREGRESSIVE:
        return length * nchar;
      case PREPEND_APPEND:
        return 2 * nchar;
      case AUTOREGRESSIVE:
        return nchar + 1;
      default:
        return nchar;
    }
  }

  public int numBackwardActions() {
    return kind == SequenceKind.NON_AUTOREGRESSIVE ? length : (kind == SequenceKind.PREPEND_APPEND ? 2 : 1);
  }

  /** Token ids in observations: characters and the three special tokens. */
  public int vocab() {
    return Math.max(pad, Math.max(bos, eos)) + 1;
  }

  /** Observation length: L + 1 (BOS in front, or AMP's trailing token). */
  public int observationLength() {
    return length + 1;
  }

  /** The layout handed to every kernel: {kind, L, nchar, PAD, BOS, EOS, trailing}. */
  int[] toArray() {
    return new int[] {kind.code(), length, nchar, pad, bos, eos, trailing ? 1 : 0};
  }
}
