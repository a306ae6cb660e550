package org.gfn4j.cli;

import java.nio.file.Path;
import org.gfn4j.train.Sampling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j sample}: objects drawn from a trained run's policy, one per line with log R. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Sample objects from a trained run's policy.onnx; prints 'object<TAB>logR' per line.")
final class SampleCommand implements Runnable {
  @ParentCommand Main main;

  @Option(names = "--run", paramLabel = "DIR", required = true, description = "run directory written by 'gfn4j train'")
  Path run;

  @Option(names = "--n", paramLabel = "N", defaultValue = "10", description = "number of objects (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "sampling seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "256", description = "trajectories per rollout (default: ${DEFAULT-VALUE})")
  int batch;

  @Mixin DataOption data;

  @Override
  public void run() {
    Sampling.sample(run, n, seed, batch, data.resolve(), main.io().out());
  }
}
