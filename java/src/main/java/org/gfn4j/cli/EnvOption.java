package org.gfn4j.cli;

import org.gfn4j.runtime.Backend;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.train.Presets;
import org.gfn4j.train.TrainKey;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --env SPEC} and {@code --data DIR}: the environment a command works on. */
final class EnvOption {
  @Option(names = "--env", paramLabel = "SPEC",
      description = "environment spec (default: the environment of the default training preset)")
  String env;

  @Mixin DataOption data;

  Environment create() {
    String spec = env != null ? env : Presets.get(Presets.defaultName()).get(TrainKey.ENV);
    return Environments.create(spec, Backend.NATIVE, data.resolve());
  }
}
