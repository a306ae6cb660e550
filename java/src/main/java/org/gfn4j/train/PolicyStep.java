package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.objective.ObjectiveGrads;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * The policy update of one block (→ policy update): ONNX Runtime's train step on the objective's
 * upstream gradients, padding rows dropped where asked, then the optimizer step and the refresh of
 * the native forward's parameter copy.
 */
final class PolicyStep implements AutoCloseable {
  private final PolicyTrainer policy;
  private final boolean usesLogZ;
  /** The native forward's parameter copy, refreshed after every optimizer step (null: ORT forward). */
  private final MlpForward nativeForward;
  private final StepTimes times;
  private final RowCompaction compaction;

  /** {@code maxRows}: the most block rows one step compacts (slots × batch of the rollout block). */
  PolicyStep(PolicyTrainer policy, boolean usesLogZ, MlpForward nativeForward, StepTimes times, Environment env,
      int maxRows) {
    this.policy = policy;
    this.usesLogZ = usesLogZ;
    this.nativeForward = nativeForward;
    this.times = times;
    this.compaction = new RowCompaction(maxRows, env.observationSpec(), env.numActions(), env.numBackwardActions());
  }

  /** Train step on the upstream gradients {@code g} of {@code b}'s heads over its first {@code used} slots, then the optimizer step. */
  void run(Trajectories b, ObjectiveGrads g, int used, boolean compact) {
    Tensor<?> obs = b.obsRows();
    long t1 = System.nanoTime();
    Map<String, FloatTensor> upstream = new LinkedHashMap<>();
    if (!compact || compaction.select(b.pad, used * b.batch()) == used * b.batch()) {
      upstream.put(PolicyFactory.FORWARD, g.dForwardLogits());
      upstream.put(PolicyFactory.BACKWARD, g.dBackwardLogits());
      upstream.put(PolicyFactory.LOG_FLOW, g.dLogFlow());
    } else { // drop the padding rows: their upstream gradients are zero
      obs = compaction.obs(obs);
      upstream.put(PolicyFactory.FORWARD, compaction.dForward(g.dForwardLogits()));
      upstream.put(PolicyFactory.BACKWARD, compaction.dBackward(g.dBackwardLogits()));
      upstream.put(PolicyFactory.LOG_FLOW, compaction.dFlow(g.dLogFlow()));
    }
    times.trainRows += obs.dim(0);
    policy.accumulate(obs, Heads.wrap(upstream));
    if (usesLogZ) {
      policy.logZ().accumulate(g.dLogZ());
    }
    long t2 = System.nanoTime();
    policy.step();
    if (nativeForward != null) {
      nativeForward.sync(policy); // once per optimizer step, not per rollout step
    }
    long t3 = System.nanoTime();
    times.trainNanos += t2 - t1;
    times.optimizerNanos += t3 - t2;
  }

  @Override
  public void close() {
    compaction.close();
  }
}
