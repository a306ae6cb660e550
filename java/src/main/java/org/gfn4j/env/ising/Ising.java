package org.gfn4j.env.ising;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import org.gfn4j.env.ClosedForm;
import org.gfn4j.env.AbstractEnvironment;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.tensor.IntTensor;

/**
 * What both Ising backends share: shapes (gfn4j/ising.h), the text form of objects (N² characters
 * {@code +}/{@code -}, row-major), state validation and the action maps (forward a = i + D·v sets
 * site i; backward i clears it).
 */
public abstract class Ising extends AbstractEnvironment {
  protected final IsingConfig config;
  protected final int sites;

  /** The built-in xᵀJx with J = σ·A, for which a closed form is known. */
  private final RewardModule builtIn;

  /** {@code reward} null means {@code builtIn}. */
  protected Ising(IsingConfig config, RewardModule reward, RewardModule builtIn) {
    super(reward != null ? reward : builtIn);
    this.config = config;
    this.sites = config.sites();
    this.builtIn = builtIn;
  }

  /** Largest number of sites whose 2^D configurations the closed form sums. */
  public static final int CLOSED_FORM_MAX_SITES = 20;

  /**
   * log Z and the mean reward summed over the 2^D spin configurations (N ≤ 4), while the reward
   * is the built-in one.
   */
  @Override
  public Optional<ClosedForm> closedForm() {
    if (reward() != builtIn || sites > CLOSED_FORM_MAX_SITES) {
      return Optional.empty();
    }
    double[] j = config.coupling();
    int count = 1 << sites;
    double[] logR = new double[count];
    int[] x = new int[sites];
    for (int code = 0; code < count; code++) {
      for (int i = 0; i < sites; i++) {
        x[i] = (code >> i & 1) == 1 ? 1 : -1;
      }
      logR[code] = CouplingReward.energy(x, j, sites);
    }
    double max = java.util.Arrays.stream(logR).max().orElseThrow();
    double z = 0;
    double z2 = 0;
    for (double v : logR) {
      z += Math.exp(v - max);
      z2 += Math.exp(2 * (v - max));
    }
    double logZ = max + Math.log(z);
    return Optional.of(new ClosedForm(BigInteger.ONE.shiftLeft(sites), logZ, Math.exp(2 * max + Math.log(z2) - logZ)));
  }

  public IsingConfig config() {
    return config;
  }

  @Override
  public EnvSpec spec() {
    return config.toSpec();
  }

  @Override
  public int numActions() {
    return 2 * sites;
  }

  @Override
  public int numBackwardActions() {
    return sites;
  }

  @Override
  public ObservationSpec observationSpec() {
    return ObservationSpec.features(sites);
  }

  @Override
  public int maxSteps() {
    return sites;
  }

  @Override
  public int stateWidth() {
    return sites;
  }

  /** 3^D partial states plus 2^D terminal ones. */
  @Override
  public OptionalLong stateCountBound() {
    BigInteger n = BigInteger.valueOf(3).pow(sites).add(BigInteger.TWO.pow(sites));
    return OptionalLong.of(n.bitLength() < 63 ? n.longValue() : Long.MAX_VALUE);
  }

  @Override
  public int[] parseObject(String text) {
    String t = text.trim();
    if (t.length() != sites) {
      throw new IllegalArgumentException("expected " + sites + " characters + or -, got " + t.length());
    }
    int[] cells = new int[sites];
    for (int i = 0; i < sites; i++) {
      char c = t.charAt(i);
      if (c != '+' && c != '-') {
        throw new IllegalArgumentException("character " + (i + 1) + " is '" + c + "', expected + or -");
      }
      cells[i] = c == '+' ? 1 : 0;
    }
    return cells;
  }

  @Override
  public String formatObject(int[] cells) {
    StringBuilder sb = new StringBuilder(sites);
    for (int i = 0; i < sites; i++) {
      sb.append(cells[i] == 1 ? '+' : cells[i] == 0 ? '-' : '.');
    }
    return sb.toString();
  }

  @Override
  public void setState(StateBatch states, int b, int[] cells, boolean terminal) {
    if (cells.length != sites) {
      throw new IllegalArgumentException("expected " + sites + " sites, got " + cells.length);
    }
    boolean complete = true;
    for (int i = 0; i < sites; i++) {
      if (cells[i] < -1 || cells[i] > 1) {
        throw new IllegalArgumentException("site " + i + " = " + cells[i] + " is not -1 (unset), 0 or 1");
      }
      complete &= cells[i] != -1;
    }
    if (terminal != complete) {
      throw new IllegalArgumentException(terminal ? "a terminal state has every site set" : "a complete state is terminal");
    }
    states.set(b, cells, terminal);
  }

  /** Every site set to 0 (spin −1) or 1 (spin +1). */
  @Override
  protected void checkObject(int[] cells, int offset) {
    for (int i = 0; i < sites; i++) {
      int v = cells[offset + i];
      if (v != 0 && v != 1) {
        throw new IllegalArgumentException("site " + i + " = " + v + " is not set to 0 or 1");
      }
    }
  }

  /** Setting site i (either value) is undone by clearing site i. */
  @Override
  protected final void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      out.set(b, Math.floorMod(actions.get(b), sites));
    }
  }

  /** Clearing site i is redone by setting it to the value it had. */
  @Override
  protected final void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    for (int b = 0; b < s.batchSize(); b++) {
      int i = backwardActions.get(b);
      int v = i >= 0 && i < sites ? s.cells().get((long) b * sites + i) : 0;
      out.set(b, i + sites * Math.max(v, 0));
    }
  }
}
