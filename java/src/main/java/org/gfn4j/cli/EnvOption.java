package org.gfn4j.cli;

import org.gfn4j.runtime.Backend;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --env SPEC} and {@code --data DIR}: the environment a command works on. */
final class EnvOption {
  @Option(names = "--env", paramLabel = "SPEC", defaultValue = "hypergrid", description = "environment spec (default: ${DEFAULT-VALUE})")
  String env;

  @Mixin DataOption data;

  Environment create() {
    return Environments.create(env, Backend.NATIVE, data.resolve());
  }
}
