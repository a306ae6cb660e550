package org.gfn4j.env.sequence;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.env.ModeSet;
import org.gfn4j.runtime.Backend;

/** Registers {@code bitseq} specs (gfnx {@code Bitseq-{n}-{k}-v0}). */
public final class BitseqFactory implements EnvironmentFactory {
  /** gfnx counts a mode as found below Hamming distance 30 at n = 120: a quarter of the bits. */
  static final double MODE_RADIUS = 30.0 / 120.0;

  /** Seed of the test set (gfnx's eval_init_seed). */
  static final long TEST_SEED = 2;

  static final Set<String> KEYS = Set.of("n", "k", "beta", "modes", "num_modes", "seed");

  @Override
  public String name() {
    return "bitseq";
  }

  @Override
  public String description() {
    return "n-bit strings written as n/k words of k bits in any order; log R = -beta*min Hamming to a mode/n"
        + " (gfnx Bitseq-{n}-{k}-v0)";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(
        new EnvParameter("n", "120", "sequence length in bits (a multiple of k)"),
        new EnvParameter("k", "8", "bits per word (2^k characters)"),
        new EnvParameter("beta", "3", "reward exponent beta"),
        new EnvParameter("modes", "", "file with one 0/1 mode of length n per line (relative: data directory)"),
        new EnvParameter("num_modes", "60", "generated modes (without 'modes')"),
        new EnvParameter("seed", "1", "seed of the generated modes (without 'modes')"));
  }

  @Override
  public Map<String, Map<String, String>> presets() {
    return SequencePresets.bitseq();
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    spec.requireKeys(KEYS);
    int k = spec.getInt("k", 8, 1, 16);
    int n = spec.getInt("n", 120, 1, 1 << 16);
    if (n % k != 0) {
      throw new IllegalArgumentException("'n' must be a multiple of k=" + k + ", got " + n);
    }
    double beta = spec.getDouble("beta", 3.0);
    Map<String, String> canonical = new LinkedHashMap<>();
    canonical.put("n", Integer.toString(n));
    canonical.put("k", Integer.toString(k));
    canonical.put("beta", Double.toString(beta));
    BitseqModes modes;
    if (spec.has("modes")) {
      if (spec.has("num_modes") || spec.has("seed")) {
        throw new IllegalArgumentException("'modes' cannot be combined with 'num_modes' or 'seed'");
      }
      Path file = SequenceData.file("modes", spec.getString("modes", ""), dataDir);
      modes = BitseqModes.read(file, n);
      canonical.put("modes", spec.getString("modes", ""));
    } else {
      int count = spec.getInt("num_modes", 60, 1, 1 << 20);
      int seed = spec.getInt("seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
      modes = BitseqModes.generate(n, count, seed);
      canonical.put("num_modes", Integer.toString(count));
      canonical.put("seed", Integer.toString(seed));
    }
    int nchar = 1 << k;
    SequenceShape shape = new SequenceShape(SequenceKind.NON_AUTOREGRESSIVE, n / k, nchar, nchar, nchar + 1,
        nchar + 2, false);
    ModeSet modeSet = new ModeSet(modes.asWords(k), SequenceDistances.bitHamming(), MODE_RADIUS * n);
    BitseqModes m = modes;
    SequenceEnvironment.Definition def = new SequenceEnvironment.Definition(EnvSpec.of("bitseq", canonical), shape,
        SequenceText.bits(shape, k), SequenceDistances.bitHamming(), modeSet, 0, () -> m.testSetWords(TEST_SEED, k));
    return SequenceData.create(backend, def, new BitseqReward(modes, beta, k, backend));
  }
}
