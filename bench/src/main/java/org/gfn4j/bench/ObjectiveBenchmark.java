package org.gfn4j.bench;

import java.util.Random;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.objective.Objective;
import org.gfn4j.objective.ObjectiveGrads;
import org.gfn4j.objective.ObjectiveInputs;
import org.gfn4j.objective.Objectives;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loss + every gradient of TB, DB and SubTB(lambda=1) at the hypergrid 4x20 training shape
 * (T1 = 81 slots, A = 5, Ab = 4), on a block of random-policy rollouts of the real environment,
 * native kernels vs the Java reference. B = 16 is gfnx's batch. Element = one trajectory (row of
 * the block). Bytes per call = T1·B·(22 + 9A + 9Ab), every buffer passed once: actions and
 * backward actions (4 + 4), both masks (A + Ab), terminal and pad flags (1 + 1), log-rewards (4),
 * forward and backward logits and log-flows read (4A + 4Ab + 4) and their gradients written
 * (4A + 4Ab + 4); 8 343·B here.
 */
public class ObjectiveBenchmark extends KernelBenchmark {
  @Param({"tb", "db", "subtb"})
  public String objective;

  @Param({"16", "256"})
  public int batch;

  private Trajectories block;
  private FloatTensor forwardLogits;
  private FloatTensor backwardLogits;
  private FloatTensor logFlow;
  private ObjectiveInputs inputs;
  private ObjectiveGrads grads;
  private Objective loss;
  private long bytes;

  @Setup(Level.Trial)
  public void setUp() {
    Environment env = Environments.create("hypergrid:dim=4,side=20");
    block = Trajectories.forRollouts(env, batch);
    Random rng = new Random(1);
    env.reset(block.states(0));
    for (int t = 0; t < block.slots(); t++) {
      env.forwardMask(block.states(t), block.forwardMask(t));
      env.backwardMask(block.states(t), block.backwardMask(t));
      if (t + 1 == block.slots()) {
        break;
      }
      ByteTensor mask = block.forwardMask(t);
      IntTensor actions = block.actions(t);
      for (int b = 0; b < batch; b++) {
        // mostly increments, so trajectories are long (stop with probability 1/20)
        int a = rng.nextInt(20) == 0 ? env.numActions() - 1 : rng.nextInt(env.numActions() - 1);
        if (mask.get((long) b * env.numActions() + a) != 0) {
          a = env.numActions() - 1;
        }
        actions.set(b, a);
      }
      env.step(block.states(t), actions, block.states(t + 1), block.logReward(t));
      env.backwardActions(block.states(t), actions, block.states(t + 1), block.backwardActions(t));
    }
    forwardLogits = random(rng, block.slots(), batch, block.numActions());
    backwardLogits = random(rng, block.slots(), batch, block.numBackwardActions());
    logFlow = random(rng, block.slots(), batch);
    inputs = ObjectiveInputs.builder(block).forwardLogits(forwardLogits).backwardLogits(backwardLogits)
        .logFlow(logFlow).logZ(1.5).build();
    grads = ObjectiveGrads.allocate(inputs);
    loss = Objectives.create(objective, backend);
    long cells = (long) block.slots() * batch;
    bytes = cells * (22 + 9L * block.numActions() + 9L * block.numBackwardActions());
  }

  private static FloatTensor random(Random rng, long... shape) {
    FloatTensor t = FloatTensor.allocate(shape);
    for (long i = 0; i < t.size(); i++) {
      t.set(i, (float) rng.nextGaussian());
    }
    return t;
  }

  @Benchmark
  public double lossAndGradients(Traffic traffic) {
    traffic.add(batch, bytes);
    return loss.loss(inputs, grads);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    grads.close();
    forwardLogits.close();
    backwardLogits.close();
    logFlow.close();
    block.close();
  }
}
