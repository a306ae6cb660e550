package org.gfn4j.env.sequence;

import static org.gfn4j.internal.cpu.SequenceKernels.*;

import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/** A sequence environment over the C++ kernels of native/src/env/sequence.cpp: one JNI call per batch. */
public final class NativeSequence extends SequenceEnvironment {
  /** The kernel shape array; lives as long as the environment (a few bytes, freed by the GC). */
  private final IntTensor shapeArray;

  public NativeSequence(Definition definition, RewardModule reward) {
    super(definition, reward);
    NativeLibrary.ensureLoaded();
    int[] a = shape.toArray();
    this.shapeArray = IntTensor.of(a, a.length);
  }

  @Override
  protected NativeSequence copyWith(RewardModule replacement) {
    return new NativeSequence(definition, replacement);
  }

  @Override
  public Backend backend() {
    return Backend.NATIVE;
  }

  @Override
  protected void doReset(StateBatch s) {
    NativeStatus.check(
        sequence_reset(shapeArray.pointer(), s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
            s.pad().pointer()),
        "sequence_reset");
  }

  @Override
  protected void doStep(StateBatch s, IntTensor actions, StateBatch next, FloatTensor logReward) {
    NativeStatus.check(
        sequence_step(shapeArray.pointer(), s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
            actions.pointer(), next.cells().pointer(), next.terminal().pointer(), next.pad().pointer()),
        "sequence_step");
  }

  @Override
  protected void doBackwardStep(StateBatch s, IntTensor actions, StateBatch prev, ByteTensor done) {
    NativeStatus.check(
        sequence_backward_step(shapeArray.pointer(), s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
            actions.pointer(), prev.cells().pointer(), prev.terminal().pointer(), prev.pad().pointer(),
            done.pointer()),
        "sequence_backward_step");
  }

  @Override
  protected void doForwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(
        sequence_forward_mask(shapeArray.pointer(), s.batchSize(), s.cells().pointer(), invalid.pointer()),
        "sequence_forward_mask");
  }

  @Override
  protected void doBackwardMask(StateBatch s, ByteTensor invalid) {
    NativeStatus.check(
        sequence_backward_mask(shapeArray.pointer(), s.batchSize(), s.cells().pointer(), invalid.pointer()),
        "sequence_backward_mask");
  }

  @Override
  protected void doObserve(StateBatch s, Tensor<?> obs) {
    if (definition.oneHotClasses() > 0) {
      NativeStatus.check(sequence_observe_one_hot(shapeArray.pointer(), definition.oneHotClasses(), s.batchSize(),
          s.cells().pointer(), ((FloatTensor) obs).pointer()), "sequence_observe_one_hot");
      return;
    }
    NativeStatus.check(
        sequence_observe(shapeArray.pointer(), s.batchSize(), s.cells().pointer(), ((IntTensor) obs).pointer()),
        "sequence_observe");
  }

  @Override
  protected void doBackwardActions(StateBatch s, IntTensor actions, StateBatch next, IntTensor out) {
    NativeStatus.check(
        sequence_backward_actions(shapeArray.pointer(), s.batchSize(), actions.pointer(), out.pointer()),
        "sequence_backward_actions");
  }

  @Override
  protected void doForwardActions(StateBatch s, IntTensor backwardActions, StateBatch prev, IntTensor out) {
    NativeStatus.check(
        sequence_forward_actions(shapeArray.pointer(), s.batchSize(), s.cells().pointer(), s.terminal().pointer(),
            backwardActions.pointer(), out.pointer()),
        "sequence_forward_actions");
  }
}
