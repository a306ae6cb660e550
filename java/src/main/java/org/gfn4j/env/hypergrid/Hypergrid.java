package org.gfn4j.env.hypergrid;

import java.math.BigInteger;
import java.util.Optional;
import org.gfn4j.env.AbstractEnvironment;
import org.gfn4j.env.EnumerableEnvironment;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.StateBatch;

/**
 * What both hypergrid backends share: shapes, the text form of objects ("3,0,19,7"), state
 * validation and the enumeration of the H^D terminal states in row-major order.
 */
public abstract class Hypergrid extends AbstractEnvironment implements EnumerableEnvironment {
  protected final HypergridConfig config;
  protected final int dim;
  protected final int side;
  /** log R at reward levels 0, 1, 2, computed once in Java and handed to every backend. */
  protected final double[] levelLogR;
  /** side^dim when it is within the enumeration limit, else -1: computed once, indexing is per state. */
  private final long enumerableCount;

  protected Hypergrid(HypergridConfig config) {
    this.config = config;
    this.dim = config.dim();
    this.side = config.side();
    this.levelLogR = config.levelLogRewards();
    BigInteger n = config.terminalCount();
    this.enumerableCount = n.compareTo(BigInteger.valueOf(ENUMERATION_LIMIT)) > 0 ? -1 : n.longValueExact();
  }

  public HypergridConfig config() {
    return config;
  }

  @Override
  public EnvSpec spec() {
    return config.toSpec();
  }

  @Override
  public int numActions() {
    return dim + 1;
  }

  @Override
  public int numBackwardActions() {
    return dim;
  }

  @Override
  public int[] observationShape() {
    return new int[] {dim * side};
  }

  @Override
  public int maxSteps() {
    return dim * side;
  }

  @Override
  public int stateWidth() {
    return dim;
  }

  @Override
  public Optional<EnumerableEnvironment> enumerable() {
    return Optional.of(this);
  }

  @Override
  public int[] parseObject(String text) {
    String[] parts = text.trim().split(",", -1);
    if (parts.length != dim) {
      throw new IllegalArgumentException(
          "expected " + dim + " comma-separated coordinates, got " + parts.length + " in '" + text.trim() + "'");
    }
    int[] cells = new int[dim];
    for (int d = 0; d < dim; d++) {
      try {
        cells[d] = Integer.parseInt(parts[d].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("coordinate " + d + " is not an integer: '" + parts[d].trim() + "'");
      }
    }
    checkCells(cells);
    return cells;
  }

  @Override
  public String formatObject(int[] cells) {
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < cells.length; d++) {
      sb.append(d == 0 ? "" : ",").append(cells[d]);
    }
    return sb.toString();
  }

  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    checkCells(cells);
    states.set(b, cells, terminal);
  }

  /** Throws IllegalArgumentException unless {@code cells} are D coordinates in [0, H-1]. */
  protected void checkCells(int[] cells) {
    if (cells.length != dim) {
      throw new IllegalArgumentException("expected " + dim + " coordinates, got " + cells.length);
    }
    for (int d = 0; d < dim; d++) {
      if (cells[d] < 0 || cells[d] >= side) {
        throw new IllegalArgumentException(
            "coordinate " + d + " = " + cells[d] + " is outside [0, " + (side - 1) + "]");
      }
    }
  }

  @Override
  public final double[] logRewards(int[] cells, int count) {
    if (count < 0 || cells.length != (long) count * dim) {
      throw new IllegalArgumentException(count + " objects need " + (long) count * dim + " cells, got " + cells.length);
    }
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] < 0 || cells[i] >= side) {
        throw new IllegalArgumentException(
            "object " + i / dim + ": coordinate " + i % dim + " = " + cells[i] + " is outside [0, " + (side - 1) + "]");
      }
    }
    return count == 0 ? new double[0] : computeLogRewards(cells, count);
  }

  /** Log rewards of validated objects. */
  protected abstract double[] computeLogRewards(int[] cells, int count);

  @Override
  public BigInteger terminalCount() {
    return config.terminalCount();
  }

  @Override
  public double logZ() {
    return config.logZ();
  }

  @Override
  public double meanReward() {
    return config.meanReward();
  }

  @Override
  public long numTerminalStates() {
    if (enumerableCount < 0) {
      throw new IllegalArgumentException("hypergrid " + side + "^" + dim + " has " + terminalCount()
          + " states, above the enumeration limit " + ENUMERATION_LIMIT);
    }
    return enumerableCount;
  }

  @Override
  public int[] terminalState(long index) {
    long n = numTerminalStates();
    if (index < 0 || index >= n) {
      throw new IllegalArgumentException("state index " + index + " outside [0, " + n + ")");
    }
    int[] cells = new int[dim];
    for (int d = dim - 1; d >= 0; d--) {
      cells[d] = (int) (index % side);
      index /= side;
    }
    return cells;
  }

  @Override
  public long terminalIndex(int[] cells) {
    numTerminalStates();
    checkCells(cells);
    long index = 0;
    for (int d = 0; d < dim; d++) {
      index = index * side + cells[d];
    }
    return index;
  }

  /** Every grid point is both a non-terminal state and (after stop) a terminal object. */
  @Override
  public long numStates() {
    return numTerminalStates();
  }

  @Override
  public int[] state(long index) {
    return terminalState(index);
  }

  @Override
  public long stateIndex(int[] cells) {
    return terminalIndex(cells);
  }

  @Override
  public double[] terminalLogRewards() {
    int n = Math.toIntExact(numTerminalStates());
    double[] out = new double[n];
    int chunk = 1 << 16;
    int[] cells = new int[Math.min(n, chunk) * dim];
    int[] c = new int[dim];
    for (int start = 0; start < n; start += chunk) {
      int count = Math.min(chunk, n - start);
      for (int i = 0; i < count; i++) {
        System.arraycopy(c, 0, cells, i * dim, dim);
        for (int d = dim - 1; d >= 0 && ++c[d] == side; d--) {
          c[d] = 0;
        }
      }
      int[] block = count * dim == cells.length ? cells : java.util.Arrays.copyOf(cells, count * dim);
      System.arraycopy(computeLogRewards(block, count), 0, out, start, count);
    }
    return out;
  }
}
