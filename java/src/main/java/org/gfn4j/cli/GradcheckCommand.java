package org.gfn4j.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.check.GradientCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gfn4j gradcheck}: builds a small random policy, lets ONNX Runtime compute its parameter
 * gradients for a random upstream gradient and compares them with float64 central differences;
 * exit 0 when the worst relative error is below 1e-3, else 1.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
    description = "Check ONNX Runtime's policy gradients against float64 finite differences.")
final class GradcheckCommand implements Callable<Integer> {
  static final double TOLERANCE = 1e-3;

  @ParentCommand Main main;

  @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "mlp", description = "mlp, transformer or phylo (default: ${DEFAULT-VALUE})")
  String arch;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "seed of parameters and data (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "4", description = "rows of random observations (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--activation", paramLabel = "ACT", defaultValue = "relu",
      description = "MLP activation: relu, leaky_relu, gelu, tanh (default: ${DEFAULT-VALUE})")
  String activation;

  /** The small models checked: every head kind, the three trunks, the transformer's pad mask. */
  static PolicySpec spec(String arch, Activation activation) {
    return switch (arch.toLowerCase(Locale.ROOT)) {
      case "mlp" -> PolicySpec.mlp(6, 2, 16, activation)
          .head("forward_logits", 5).head("backward_logits", 4).head("log_flow", 1);
      case "transformer" -> PolicySpec.transformer(5, 6, 8, 2, 2, 16).withPadMask(4)
          .perPositionHead("forward_logits", 3)
          .head("backward_logits", 2)
          .pooledHead("log_flow", 1, org.gfn4j.policy.Pooling.FIRST)
          .perPositionHead("word_logits", 2, 1);
      case "phylo" -> PolicySpec.phylo(5, 6, 8, 2, 6, 8, 2, 2, 8, 8, 2, activation)
          .head("forward_logits", 10).head("backward_logits", 4).head("log_flow", 1);
      default -> throw new IllegalArgumentException("unknown --arch '" + arch + "' (mlp, transformer or phylo)");
    };
  }

  @Override
  public Integer call() {
    if (batch < 1 || batch > 64) {
      throw new IllegalArgumentException("--batch must lie in [1, 64], got " + batch);
    }
    PolicySpec spec = spec(arch, Activation.parse(activation));
    GradientCheck.Result r = GradientCheck.run(spec, seed, batch);
    PrintStream out = main.io().out();
    for (GradientCheck.TensorResult t : r.tensors()) {
      out.printf(Locale.ROOT, "%-28s %-10s max|grad|=%.3e max_abs_err=%.3e rel_err=%.3e%n",
          t.name(), Arrays.toString(t.shape()).replace(" ", ""), t.maxAbsGradient(), t.maxAbsError(), t.relError());
    }
    out.printf(Locale.ROOT, "forward max_abs_err=%.3e%n", r.maxForwardError());
    out.printf(Locale.ROOT, "max_rel_error=%.3e%n", r.maxRelError());
    out.flush();
    return r.maxRelError() < TOLERANCE ? 0 : 1;
  }
}
