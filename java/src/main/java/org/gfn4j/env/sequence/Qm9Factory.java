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
import org.gfn4j.env.ObjectDistance;
import org.gfn4j.runtime.Backend;

/** Registers {@code qm9} specs (gfnx {@code QM9Small-v0}). */
public final class Qm9Factory implements EnvironmentFactory {
  @Override
  public String name() {
    return "qm9";
  }

  @Override
  public String description() {
    return "5 of 11 molecular blocks, prepended or appended; R = 100*c^5/max c^5 from the proxy table"
        + " (gfnx QM9Small-v0)";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(new EnvParameter("table", Qm9Table.DEFAULT_PATH,
        "161,051 float32 raw proxy values (relative: data directory)"),
        new EnvParameter("obs", "onehot", "onehot (gfnx's MLP input) or tokens (BOS + tokens, for a transformer)"));
  }

  /** gfnx's network input: one_hot(tokens, 14), PAD a class of its own. */
  static final int ONE_HOT_CLASSES = 14;

  static SequenceShape shape() {
    return new SequenceShape(SequenceKind.PREPEND_APPEND, Qm9Table.LENGTH, 11, 13, 11, 12, false);
  }

  @Override
  public Map<String, Map<String, String>> presets() {
    return SequencePresets.qm9();
  }

  @Override
  public String presetFamily() {
    return "qm9_small";
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    spec.requireKeys(Set.of("table", "obs"));
    int classes = SequenceData.observationClasses(spec, ONE_HOT_CLASSES);
    String value = spec.getString("table", Qm9Table.DEFAULT_PATH);
    double[] logR = Qm9Table.logRewards(Qm9Table.readRaw(SequenceData.file("table", value, dataDir)));
    Map<String, String> canonical = new LinkedHashMap<>();
    if (spec.has("table")) {
      canonical.put("table", value);
    }
    if (classes == 0) {
      canonical.put("obs", "tokens");
    }
    SequenceShape shape = shape();
    SequenceEnvironment.Definition def = new SequenceEnvironment.Definition(EnvSpec.of("qm9", canonical), shape,
        SequenceText.letters(shape, Qm9Table.ALPHABET), ObjectDistance.HAMMING, null, classes);
    return SequenceData.create(backend, def, new TableReward(logR, shape.length(), 11, backend));
  }
}
