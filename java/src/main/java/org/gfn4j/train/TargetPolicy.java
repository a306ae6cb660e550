// The target network as training evaluates it: gfn4j's native MLP forward over a parameter copy, else ONNX Runtime.
package org.gfn4j.train;

import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.policy.TargetNetwork;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Wraps the {@link TargetNetwork} (which owns the frozen parameters and their Polyak updates).
 * For MLP policies with the native forward on, a packed copy of those parameters is taken at
 * each target update, so every evaluation — the objective's target heads over a trajectory block
 * (padding rows skipped) and the tree search's leaves — is one native call instead of an ONNX
 * Runtime run; other policy kinds keep the ONNX Runtime target.
 */
final class TargetPolicy implements PolicyFn, AutoCloseable {
  private final TargetNetwork target;
  /** Null: the ONNX Runtime target is evaluated. */
  private final MlpForward copy;
  private final NetworkPolicy network;

  TargetPolicy(TargetNetwork target, PolicySpec spec, boolean nativeForward) {
    this.target = target;
    this.copy = nativeForward && spec.kind() == PolicySpec.Kind.MLP ? MlpForward.create(spec, Backend.NATIVE) : null;
    reload();
    this.network = new NetworkPolicy(copy != null ? copy : target);
  }

  /** Whether rows flagged in {@code skip} are left out (the native copy); ONNX Runtime computes every row. */
  boolean skipsRows() {
    return copy != null;
  }

  /** {@code target ← (1 − tau)·target + tau·online}, then the native copy follows. */
  void update(PolicyTrainer online, double tau) {
    target.softUpdate(online, tau);
    reload();
  }

  /** The target's parameters were written directly (a checkpoint restored): the native copy follows. */
  void reload() {
    if (copy != null) {
      copy.load(target.parameters());
    }
  }

  @Override
  public void evaluate(Tensor<?> obs, FloatTensor forwardLogits, FloatTensor backwardLogits, FloatTensor logFlow) {
    network.evaluate(obs, null, forwardLogits, backwardLogits, logFlow);
  }

  @Override
  public void evaluate(Tensor<?> obs, ByteTensor skip, FloatTensor forwardLogits, FloatTensor backwardLogits,
      FloatTensor logFlow) {
    network.evaluate(obs, skip, forwardLogits, backwardLogits, logFlow);
  }

  /**
   * The target heads of block {@code b}'s first {@code used} slots into {@code tgt} (padding rows
   * skipped where the native copy allows: no objective reads their heads), timed in {@code times}
   * as forward work. Returns the nanoseconds spent.
   */
  long evaluateBlock(Trajectories b, HeadBlock tgt, int used, StepTimes times) {
    long start = System.nanoTime();
    Tensor<?> obs = b.obsRows();
    ByteTensor skip = skipsRows() ? b.pad : null;
    evaluate(obs, skip, tgt.forwardLogits(0, used), tgt.backwardLogits(0, used), tgt.logFlow(0, used));
    long elapsed = System.nanoTime() - start;
    times.policyNanos += elapsed;
    times.forwardRows += skip == null ? obs.dim(0) : obs.dim(0) - skip.countNonZero();
    return elapsed;
  }

  @Override
  public void close() {
    if (copy != null) {
      copy.close();
    }
  }
}
