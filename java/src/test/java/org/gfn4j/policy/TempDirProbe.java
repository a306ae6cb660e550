package org.gfn4j.policy;

/**
 * Run in a child JVM by {@link TempDirsTest}: writes a trainer's model files to a temporary
 * directory, prints its path and waits to be terminated.
 */
public final class TempDirProbe {
  private TempDirProbe() {}

  public static void main(String[] args) throws Exception {
    PolicySpec spec = PolicySpec.mlp(6, 2, 16, Activation.RELU).head("forward_logits", 3);
    Artifacts a = Artifacts.write(spec, OptimizerConfig.adam(1e-3), 1L, false);
    System.out.println(a.dir);
    System.out.flush();
    Thread.sleep(120_000);
  }
}
