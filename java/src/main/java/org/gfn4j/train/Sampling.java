package org.gfn4j.train;

import java.io.PrintStream;
import java.nio.file.Path;
import org.gfn4j.env.Environment;
import org.gfn4j.policy.ExportedMlp;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.Policy;
import org.gfn4j.policy.PolicyNetwork;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.InferenceRollout;
import org.gfn4j.rollout.NativeRollout;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.sample.Sampler;

/**
 * Draws objects from a trained run's exported policy (no exploration) with their log-rewards; a run
 * trained with mcts=mcts_inference or mcts_all draws them from its MENTS trees, the policy at the leaves.
 * Where the run's settings let its rollouts use the native MLP forward (native_forward=true, an MLP
 * on an environment the fused loop supports), the exported parameters are read into that forward
 * and each round is one native call ({@link InferenceRollout}); otherwise ONNX Runtime runs the
 * model slot by slot. Round r draws from the stream (seed, RNG step r, slot, row) either way.
 */
public final class Sampling {
  private Sampling() {}

  /** Prints {@code n} lines "object<TAB>logR" sampled with the run's policy.onnx. */
  public static void sample(Path runDir, int n, long seed, int batch, Path dataDir, PrintStream out) {
    if (n <= 0 || batch <= 0) {
      throw new IllegalArgumentException("--n and --batch must be positive");
    }
    RunDirectory run = RunDirectory.open(runDir);
    TrainConfig config = run.readConfig();
    Environment env = TrainSetup.environment(config, dataDir);
    Path onnx = run.resolve(RunDirectory.POLICY);
    if (!java.nio.file.Files.isRegularFile(onnx)) {
      throw new IllegalArgumentException(runDir + " has no exported policy (" + RunDirectory.POLICY + "); did training finish?");
    }
    int b = Math.min(batch, n);
    org.gfn4j.search.MctsSettings mcts = MctsSetup.settings(config, env);
    MlpForward mlp = mcts.mode().actsFromTreeInInference() ? null : nativeForward(config, env, onnx);
    try (PolicyNetwork policy = mlp != null ? mlp : Policy.load(onnx, config.getInt(TrainKey.THREADS));
        InferenceRollout rollout = new InferenceRollout(env, new Sampler(seed), b);
        Trajectories block = Trajectories.forRollouts(env, b);
        HeadBlock heads = HeadBlock.like(block);
        org.gfn4j.search.MctsHook hook = mcts.mode().actsFromTreeInInference()
            ? MctsSetup.hook(env, new NetworkPolicy(policy), mcts, true, b, block.slots(), seed) : null) {
      NetworkPolicy fn = new NetworkPolicy(policy);
      int printed = 0;
      int[] cells = new int[env.stateWidth()];
      for (long round = 0; printed < n; round++) {
        int used = rollout.run(block, heads, fn, mlp, new ForwardRollout.Exploration(0f, 1f, round), hook);
        int[] all = block.states(used - 1).cells().toArray();
        int[] objects = new int[all.length];
        int count = 0;
        for (int i = 0; i < b; i++) {
          if (!block.isTruncated(i)) { // a truncated trajectory reached no object
            System.arraycopy(all, i * cells.length, objects, count++ * cells.length, cells.length);
          }
        }
        double[] logR = env.logRewards(java.util.Arrays.copyOf(objects, count * cells.length), count);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count && printed < n; i++, printed++) {
          System.arraycopy(objects, i * cells.length, cells, 0, cells.length);
          sb.append(env.formatObject(cells)).append('\t').append(logR[i]).append('\n');
        }
        out.print(sb);
      }
      out.flush();
    }
  }

  /**
   * The exported MLP as a native forward when the run's settings allow the fused rollout on
   * {@code env}, else null (ONNX Runtime runs the model).
   */
  static MlpForward nativeForward(TrainConfig config, Environment env, Path onnx) {
    if (!config.getBoolean(TrainKey.NATIVE_FORWARD)) {
      return null;
    }
    PolicySpec spec = PolicyFactory.spec(config, env);
    return NativeRollout.supports(env, spec) ? ExportedMlp.load(onnx, spec).orElse(null) : null;
  }
}
