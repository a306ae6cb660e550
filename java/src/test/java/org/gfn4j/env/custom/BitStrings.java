package org.gfn4j.env.custom;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.RewardModule;
import org.gfn4j.env.RowDynamics;
import org.gfn4j.env.RowEnvironment;
import org.gfn4j.runtime.Backend;

/**
 * The README's custom environment, kept compiling and tested here: bit strings of length n
 * filled in any order (cell 2 = empty), reward exp(number of ones / 2). Written against the
 * public contract only, without native code.
 */
public final class BitStrings implements RowDynamics {
  private static final int EMPTY = 2;
  private final int n;

  BitStrings(int n) {
    this.n = n;
  }

  @Override public void reset(int[] s) {
    Arrays.fill(s, EMPTY);
  }

  @Override public void forwardMask(int[] s, boolean[] invalid) { // action 2p + b writes bit b at p
    for (int a = 0; a < 2 * n; a++) invalid[a] = s[a / 2] != EMPTY;
  }

  @Override public boolean step(int[] s, int a) {
    s[a / 2] = a % 2;
    return Arrays.stream(s).noneMatch(c -> c == EMPTY);
  }

  @Override public void backwardMask(int[] s, boolean terminal, boolean[] invalid) { // action p clears p
    for (int p = 0; p < n; p++) invalid[p] = s[p] == EMPTY;
  }

  @Override public void backwardStep(int[] s, boolean terminal, int p) {
    s[p] = EMPTY;
  }

  @Override public int undo(int[] before, int a, int[] after) {
    return a / 2;
  }

  @Override public int redo(int[] s, boolean terminal, int p, int[] parent) {
    return 2 * p + s[p];
  }

  @Override public void observe(int[] s, boolean terminal, float[] out) { // one-hot of {0, 1, empty}
    for (int p = 0; p < n; p++) out[3 * p + s[p]] = 1f;
  }

  /** Registers {@code bits:n=N} so specs, presets and the CLI reach it. */
  public static final class Factory implements EnvironmentFactory {
    @Override public String name() {
      return "bits";
    }

    @Override public String description() {
      return "bit strings of length n filled in any order; log R = (number of ones) / 2";
    }

    @Override public List<EnvParameter> parameters() {
      return List.of(new EnvParameter("n", "6", "string length"));
    }

    @Override public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
      spec.requireKeys(java.util.Set.of("n"));
      int n = spec.getInt("n", 6, 1, 16);
      RewardModule reward = RewardModule.of(s -> Arrays.stream(s).filter(c -> c == 1).count() / 2.0);
      return new RowEnvironment(EnvSpec.parse("bits:n=" + n), n, 2 * n, n, n, ObservationSpec.features(3 * n),
          new BitStrings(n), reward);
    }
  }
}
