package org.gfn4j.env.sequence;

import java.util.Arrays;

/**
 * The transition rules of the four sequence kinds on one state row, in plain Java: the
 * reference the native kernels (native/src/env/sequence.cpp) are tested against, also used to
 * enumerate states. Rows are modified in place.
 */
final class SequenceRules {
  private final SequenceShape shape;
  private final int length;
  private final int nchar;
  private final int pad;
  private final int eos;

  SequenceRules(SequenceShape shape) {
    this.shape = shape;
    this.length = shape.length();
    this.nchar = shape.nchar();
    this.pad = shape.pad();
    this.eos = shape.eos();
  }

  SequenceShape shape() {
    return shape;
  }

  int[] initial() {
    int[] t = new int[length];
    Arrays.fill(t, pad);
    return t;
  }

  /** Characters before the first PAD or EOS. */
  int prefixLength(int[] t) {
    int n = 0;
    while (n < length && t[n] != pad && t[n] != eos) {
      n++;
    }
    return n;
  }

  boolean isInitial(int[] t) {
    for (int x : t) {
      if (x != pad) {
        return false;
      }
    }
    return true;
  }

  /** Characters or PAD everywhere; for prefix kinds characters first, then (AMP) one EOS, then PADs. */
  boolean tokensValid(int[] t) {
    if (!shape.kind().prefix()) {
      for (int x : t) {
        if ((x < 0 || x >= nchar) && x != pad) {
          return false;
        }
      }
      return true;
    }
    int n = 0;
    while (n < length && t[n] >= 0 && t[n] < nchar) {
      n++;
    }
    int i = n;
    if (i < length && shape.kind() == SequenceKind.AUTOREGRESSIVE && t[i] == eos) {
      i++;
    }
    for (; i < length; i++) {
      if (t[i] != pad) {
        return false;
      }
    }
    return true;
  }

  /** No PAD left, or stopped with EOS. */
  boolean complete(int[] t) {
    for (int x : t) {
      if (x == pad) {
        return false;
      }
      if (x == eos) {
        return true;
      }
    }
    return true;
  }

  boolean stateValid(int[] t, boolean terminal) {
    return tokensValid(t) && complete(t) == terminal;
  }

  /** Null when action {@code a} is allowed at the non-terminal row, else the reason. */
  String forwardError(int[] t, int a) {
    if (!stateValid(t, false)) {
      return "invalid argument (shape, size or value)";
    }
    if (a < 0 || a >= shape.numActions()) {
      return "an action id is out of range";
    }
    if (shape.kind() == SequenceKind.NON_AUTOREGRESSIVE && t[a / nchar] != pad) {
      return "an action is forbidden by the invalid mask";
    }
    return null;
  }

  void applyForward(int[] t, int a) {
    switch (shape.kind()) {
      case NON_AUTOREGRESSIVE:
        t[a / nchar] = a % nchar;
        break;
      case PREPEND_APPEND:
        if (a < nchar) {
          System.arraycopy(t, 0, t, 1, length - 1);
          t[0] = a;
        } else {
          t[prefixLength(t)] = a - nchar;
        }
        break;
      case AUTOREGRESSIVE:
        t[prefixLength(t)] = a == nchar ? eos : a;
        break;
      default:
        t[prefixLength(t)] = a;
        break;
    }
  }

  /** Null when backward action {@code a} is allowed (or the row is the initial state), else the reason. */
  String backwardError(int[] t, boolean terminal, int a) {
    if (!stateValid(t, terminal)) {
      return "invalid argument (shape, size or value)";
    }
    if (!terminal && isInitial(t)) {
      return null;
    }
    if (a < 0 || a >= shape.numBackwardActions()) {
      return "an action id is out of range";
    }
    if (shape.kind() == SequenceKind.NON_AUTOREGRESSIVE && t[a] == pad) {
      return "an action is forbidden by the invalid mask";
    }
    return null;
  }

  void applyBackward(int[] t, int a) {
    if (shape.kind() == SequenceKind.NON_AUTOREGRESSIVE) {
      t[a] = pad;
      return;
    }
    int last = prefixLength(t);
    if (last < length && t[last] == eos) {
      t[last] = pad;
      return;
    }
    if (shape.kind() == SequenceKind.PREPEND_APPEND && a == 0) {
      System.arraycopy(t, 1, t, 0, length - 1);
      t[length - 1] = pad;
      return;
    }
    t[last - 1] = pad;
  }

  void forwardMask(int[] t, byte[] m) {
    Arrays.fill(m, (byte) 0);
    if (shape.kind() != SequenceKind.NON_AUTOREGRESSIVE) {
      return;
    }
    boolean full = true;
    for (int x : t) {
      full &= x != pad;
    }
    for (int i = 0; i < length; i++) {
      if (!full && t[i] != pad) {
        Arrays.fill(m, i * nchar, (i + 1) * nchar, (byte) 1);
      }
    }
  }

  void backwardMask(int[] t, byte[] m) {
    Arrays.fill(m, (byte) 0);
    if (shape.kind() != SequenceKind.NON_AUTOREGRESSIVE || isInitial(t)) {
      return;
    }
    for (int i = 0; i < length; i++) {
      m[i] = (byte) (t[i] == pad ? 1 : 0);
    }
  }

  void observe(int[] t, int[] o) {
    if (shape.trailing()) {
      System.arraycopy(t, 0, o, 0, length);
      o[length] = t[length - 1] == pad || t[length - 1] == eos ? pad : eos;
    } else {
      o[0] = shape.bos();
      System.arraycopy(t, 0, o, 1, length);
    }
  }

  int backwardAction(int a) {
    if (a < 0 || a >= shape.numActions()) {
      return 0;
    }
    switch (shape.kind()) {
      case NON_AUTOREGRESSIVE:
        return a / nchar;
      case PREPEND_APPEND:
        return a < nchar ? 0 : 1;
      default:
        return 0;
    }
  }

  /** The forward action that led to row t when backward action ba undoes it (0 at the initial state). */
  int forwardAction(int[] t, boolean terminal, int ba) {
    if (!terminal && isInitial(t)) {
      return 0;
    }
    int n = prefixLength(t);
    if (shape.kind() == SequenceKind.NON_AUTOREGRESSIVE) {
      return ba * nchar + t[ba];
    }
    if (n < length && t[n] == eos) {
      return nchar;
    }
    if (shape.kind() == SequenceKind.PREPEND_APPEND) {
      return ba == 0 ? t[0] : nchar + t[n - 1];
    }
    return t[n - 1];
  }
}
