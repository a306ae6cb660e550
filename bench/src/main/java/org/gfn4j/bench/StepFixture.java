package org.gfn4j.bench;

import java.util.Random;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * What every environment-step benchmark sets up: the environment (data from $GFN4J_DATA, else
 * ../shared/data), a batch of states, the batch an out-of-place step writes (so every call does
 * the same work), actions, log-rewards, the forward mask, the observations and a seeded random
 * source, plus the bytes one call moves. Element = one state (row) of the batch.
 */
final class StepFixture implements AutoCloseable {
  final Environment env;
  final int batch;
  final StateBatch states;
  final StateBatch next;
  final IntTensor actions;
  final FloatTensor logReward;
  final ByteTensor invalid;
  final Tensor<?> obs;
  final Random rng = new Random(1);
  private final long stepBytes;
  private final long stepMaskObserveBytes;

  StepFixture(String spec, Backend backend, int batch) {
    this.env = Environments.create(spec, backend, KernelBenchmark.dataDir());
    this.batch = batch;
    this.states = env.newBatch(batch);
    this.next = env.newBatch(batch);
    this.actions = IntTensor.allocate(batch);
    this.logReward = FloatTensor.allocate(batch);
    this.invalid = ByteTensor.allocate(batch, env.numActions());
    this.obs = env.observationSpec().allocate(batch);
    this.stepBytes = 2 * stateBytes() + 8L * batch;
    this.stepMaskObserveBytes = stepBytes + (long) batch * env.numActions() + obs.size() * obs.elementSize();
  }

  /**
   * Moves every row {@code steps} random valid non-stop actions from the initial state, then
   * draws the valid non-stop action each benchmark call takes.
   */
  StepFixture walk(int steps) {
    env.reset(states);
    for (int t = 0; t < steps; t++) {
      drawActions();
      env.step(states, actions, next, logReward);
      states.copyFrom(next);
    }
    drawActions();
    return this;
  }

  private void drawActions() {
    int stop = env.stopAction().orElse(-1);
    env.forwardMask(states, invalid);
    int a = env.numActions();
    for (int b = 0; b < batch; b++) {
      boolean any = false;
      for (int c = 0; c < a && !any; c++) {
        any = c != stop && invalid.get((long) b * a + c) == 0;
      }
      if (!any) {
        throw new IllegalStateException(env.spec() + ": state " + b + " has no valid non-stop action left");
      }
      int chosen;
      do {
        chosen = rng.nextInt(a);
      } while (chosen == stop || invalid.get((long) b * a + chosen) != 0);
      actions.set(b, chosen);
    }
  }

  /**
   * The out-of-place step of {@code actions} from {@code states} into {@code next}, counted as
   * B elements and B·(2·(4W + 2) + 8) bytes, each buffer once: states read and next states
   * written, actions read and log-rewards written.
   */
  Object step(Traffic traffic) {
    traffic.add(batch, stepBytes);
    env.step(states, actions, next, logReward);
    return next;
  }

  /**
   * The step, then the forward mask and the observations of the new states, counted as B
   * elements and the step's bytes plus the mask written (B·A) and the observations written
   * (B·O·4, float features or int32 tokens).
   */
  Object stepMaskObserve(Traffic traffic) {
    traffic.add(batch, stepMaskObserveBytes);
    env.step(states, actions, next, logReward);
    env.forwardMask(next, invalid);
    env.observe(next, obs);
    return obs;
  }

  /** Bytes of one batch of states: B·(4W + 2) (int32 cells, terminal and pad flags). */
  long stateBytes() {
    return (long) batch * (4L * env.stateWidth() + 2);
  }

  @Override
  public void close() {
    states.close();
    next.close();
    actions.close();
    logReward.close();
    invalid.close();
    obs.close();
  }
}
