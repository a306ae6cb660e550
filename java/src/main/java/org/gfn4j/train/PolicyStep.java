package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.objective.ObjectiveGrads;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.HiddenActivations;
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
  /** The hidden activations the fused rollout keeps for this step (null: the train step makes its own). */
  private final HiddenActivations kept;

  /**
   * {@code maxRows}: the most block rows one step compacts (slots × batch of the rollout block);
   * {@code fusedRollout}: a native rollout fills {@link #keep()} before each on-policy step.
   */
  PolicyStep(PolicyTrainer policy, boolean usesLogZ, MlpForward nativeForward, StepTimes times, Environment env,
      int maxRows, boolean fusedRollout) {
    this.policy = policy;
    this.usesLogZ = usesLogZ;
    this.nativeForward = nativeForward;
    this.times = times;
    this.compaction = new RowCompaction(env.backend(), maxRows, env.observationSpec(), env.numActions(), env.numBackwardActions());
    this.kept = fusedRollout && policy.trainsFromActivations()
        ? new HiddenActivations(policy.spec().depth(), policy.spec().width(), maxRows) : null;
  }

  /** Where the rollout keeps its hidden activations for the next step, or null when they are not used. */
  HiddenActivations keep() {
    return kept;
  }

  /**
   * Train step on the upstream gradients {@code g} of {@code b}'s heads over its first {@code used}
   * slots, then the optimizer step. {@code fresh}: {@code b} is the block the rollout just filled,
   * so the activations it kept are those of b's real rows under the current parameters.
   */
  void run(Trajectories b, ObjectiveGrads g, int used, boolean compact, boolean fresh) {
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
    if (fresh && kept != null && kept.rows() == obs.dim(0)) { // the rows, in order: real rows in block order
      policy.accumulate(obs, kept, Heads.wrap(upstream));
    } else {
      times.trainForwardRows += obs.dim(0);
      policy.accumulate(obs, Heads.wrap(upstream));
    }
    if (kept != null) {
      kept.clear(); // the optimizer step below makes them stale
    }
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
    if (kept != null) {
      kept.close();
    }
  }
}
