package org.gfn4j.env.sequence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.env.EnumerableEnvironment;

/**
 * Indexes of small fixed-length sequence spaces: terminal objects by their base-nchar value
 * (first token most significant, as gfnx's TFBind8 and QM9 tables), non-terminal states in the
 * breadth-first order in which forward steps from the initial state reach them.
 */
final class SequenceEnumeration {
  private final SequenceRules rules;
  private final SequenceShape shape;
  private States states;
  private BigInteger terminalCount;

  SequenceEnumeration(SequenceRules rules) {
    this.rules = rules;
    this.shape = rules.shape();
  }

  synchronized BigInteger terminalCount() {
    if (terminalCount == null) {
      terminalCount = count();
    }
    return terminalCount;
  }

  private BigInteger count() {
    BigInteger n = BigInteger.valueOf(shape.nchar());
    if (shape.kind() != SequenceKind.AUTOREGRESSIVE) {
      return n.pow(shape.length());
    }
    BigInteger total = BigInteger.ZERO;
    for (int l = 0; l <= shape.length(); l++) {
      total = total.add(n.pow(l));
    }
    return total;
  }

  /** Fixed-length kinds whose terminal space is within the enumeration limit. */
  boolean fits() {
    return shape.kind() != SequenceKind.AUTOREGRESSIVE
        && terminalCount().compareTo(BigInteger.valueOf(EnumerableEnvironment.ENUMERATION_LIMIT)) <= 0;
  }

  long numTerminal() {
    if (!fits()) {
      throw new IllegalArgumentException("the terminal space (" + terminalCount() + " sequences) is not enumerable"
          + " (limit " + EnumerableEnvironment.ENUMERATION_LIMIT + ", fixed-length kinds only)");
    }
    return terminalCount().longValueExact();
  }

  int[] terminalState(long index) {
    long n = numTerminal();
    if (index < 0 || index >= n) {
      throw new IllegalArgumentException("terminal index " + index + " outside [0, " + n + ")");
    }
    int[] t = new int[shape.length()];
    for (int i = shape.length() - 1; i >= 0; i--) {
      t[i] = (int) (index % shape.nchar());
      index /= shape.nchar();
    }
    return t;
  }

  long terminalIndex(int[] cells) {
    numTerminal();
    if (cells.length != shape.length() || !rules.stateValid(cells.clone(), true)) {
      throw new IllegalArgumentException("not a complete sequence: " + java.util.Arrays.toString(cells));
    }
    long index = 0;
    for (int c : cells) {
      index = index * shape.nchar() + c;
    }
    return index;
  }

  synchronized States states() {
    numTerminal();
    if (states == null) {
      states = new States();
    }
    return states;
  }

  /** Non-terminal states found by breadth-first search over forward steps. */
  final class States {
    private final List<int[]> list = new ArrayList<>();
    private final Map<Long, Integer> index = new HashMap<>();
    private final int bits;

    private States() {
      bits = 32 - Integer.numberOfLeadingZeros(shape.vocab());
      if ((long) bits * shape.length() > 62) {
        throw new IllegalArgumentException("states of length " + shape.length() + " are too long to enumerate");
      }
      add(rules.initial());
      byte[] mask = new byte[shape.numActions()];
      for (int head = 0; head < list.size(); head++) {
        int[] s = list.get(head);
        rules.forwardMask(s, mask);
        for (int a = 0; a < mask.length; a++) {
          if (mask[a] != 0) {
            continue;
          }
          int[] c = s.clone();
          rules.applyForward(c, a);
          if (!rules.complete(c) && !index.containsKey(code(c))) {
            add(c);
            if (list.size() > EnumerableEnvironment.ENUMERATION_LIMIT) {
              throw new IllegalArgumentException("more than " + EnumerableEnvironment.ENUMERATION_LIMIT + " states");
            }
          }
        }
      }
    }

    private void add(int[] s) {
      index.put(code(s), list.size());
      list.add(s);
    }

    private long code(int[] s) {
      long c = 0;
      for (int x : s) {
        c = (c << bits) | x;
      }
      return c;
    }

    long size() {
      return list.size();
    }

    int[] state(long i) {
      if (i < 0 || i >= list.size()) {
        throw new IllegalArgumentException("state index " + i + " outside [0, " + list.size() + ")");
      }
      return list.get((int) i).clone();
    }

    long index(int[] cells) {
      Integer i = cells.length == shape.length() ? index.get(code(cells)) : null;
      if (i == null || !rules.stateValid(cells.clone(), false)) {
        throw new IllegalArgumentException("not a reachable partial sequence: " + java.util.Arrays.toString(cells));
      }
      return i;
    }
  }
}
