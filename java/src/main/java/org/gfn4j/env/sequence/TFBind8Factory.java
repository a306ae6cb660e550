package org.gfn4j.env.sequence;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.env.ObjectDistance;
import org.gfn4j.runtime.Backend;

/** Registers {@code tfbind8} specs (gfnx {@code TFBind8-v0}); the table is user-supplied. */
public final class TFBind8Factory implements EnvironmentFactory {
  @Override
  public String name() {
    return "tfbind8";
  }

  @Override
  public String description() {
    return "DNA 8-mers appended letter by letter; R = max(1e-3, 10*y^3/max y^3) from a table (gfnx TFBind8-v0)";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(new EnvParameter("table", "", "CSV 'sequence,y' with all 65,536 ACGT 8-mers (required)"),
        new EnvParameter("obs", "onehot", "onehot (gfnx's MLP input) or tokens (BOS + tokens, for a transformer)"));
  }

  /** gfnx's network input: one_hot(tokens, 5), PAD a zero block. */
  static final int ONE_HOT_CLASSES = 5;

  static SequenceShape shape() {
    return new SequenceShape(SequenceKind.FIXED_AUTOREGRESSIVE, TFBind8Table.LENGTH, 4, 6, 4, 5, false);
  }

  @Override
  public Map<String, Map<String, String>> presets() {
    return SequencePresets.tfbind();
  }

  @Override
  public String presetFamily() {
    return "tfbind";
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    spec.requireKeys(Set.of("table", "obs"));
    int classes = SequenceData.observationClasses(spec, ONE_HOT_CLASSES);
    if (!spec.has("table")) {
      throw new IllegalArgumentException("tfbind8 needs table=PATH (a CSV 'sequence,y' of all 65,536 8-mers)");
    }
    String value = spec.getString("table", "");
    java.nio.file.Path file;
    try {
      file = SequenceData.file("table", value, dataDir);
    } catch (IllegalArgumentException e) { // the table is not bundled: say where it is looked for and how to give it
      throw new IllegalArgumentException("tfbind8 needs the TFBind8 table, which gfn4j does not ship: "
          + e.getMessage() + "; give a CSV 'sequence,y' of all 65,536 8-mers with --env tfbind8:table=PATH", e);
    }
    double[] logR = TFBind8Table.logRewards(TFBind8Table.readRaw(file));
    SequenceShape shape = shape();
    Map<String, String> canonical = new java.util.LinkedHashMap<>();
    canonical.put("table", value);
    if (classes == 0) {
      canonical.put("obs", "tokens");
    }
    SequenceEnvironment.Definition def = new SequenceEnvironment.Definition(EnvSpec.of("tfbind8", canonical),
        shape, SequenceText.letters(shape, TFBind8Table.ALPHABET), ObjectDistance.HAMMING, null, classes);
    return SequenceData.create(backend, def, new TableReward(logR, shape.length(), 4, backend));
  }
}
