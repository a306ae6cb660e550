package org.gfn4j.backward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.PolicyKinds;
import org.gfn4j.policy.PolicySettings;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.sample.Sampler;
import org.junit.jupiter.api.Test;

/**
 * The separate backward network: it starts exactly uniform (zeroed output layer), the likelihood
 * steps fit it to a fixed forward policy's trajectories, its learning rate decays geometrically,
 * and the Polyak target the forward loss reads trails it.
 */
class BackwardPolicyTrainerTest {
  private static final Environment ENV = Environments.create("hypergrid:dim=2,side=6");
  /** A forward policy that strongly prefers the first move: its backward law is far from uniform. */
  private static final PolicyFn SKEWED = (obs, f, b, flow) -> {
    int a = (int) f.dim(f.rank() - 1);
    for (long i = 0; i < f.size(); i++) {
      f.set(i, i % a == 0 ? 2f : 0f);
    }
    b.fill(0f);
    flow.fill(0f);
  };

  private static PolicySpec spec() {
    return PolicyKinds.choose("mlp", ENV.observationSpec()).build(ENV.observationSpec(), ENV.numActions(),
        ENV.numBackwardActions(), new PolicySettings(64, 2, Activation.RELU, 64, 3, 8, 64));
  }

  private static void train(BackwardPolicyTrainer pb, ForwardRollout rollout, Trajectories block, HeadBlock heads,
      int rounds, long from) {
    for (int i = 0; i < rounds; i++) {
      int used = rollout.run(block, heads, SKEWED, new ForwardRollout.Exploration(0f, 1f, from + i), RolloutTimer.NONE);
      pb.fit(block, used, new SplittableRandom(from + i));
    }
  }

  /** The online PB's TLM loss on 8 fixed held-out batches of the skewed forward policy. */
  private static double heldOut(BackwardPolicyTrainer pb, Trajectories block, HeadBlock heads) {
    double sum = 0;
    try (ForwardRollout rollout = new ForwardRollout(ENV, new Sampler(99), 16)) {
      for (int i = 0; i < 8; i++) {
        int used = rollout.run(block, heads, SKEWED, new ForwardRollout.Exploration(0f, 1f, 10_000 + i),
            RolloutTimer.NONE);
        sum += pb.evaluate(block, used);
      }
    }
    return sum;
  }

  @Test
  void tlmStartsUniformFitsTheForwardPolicyAndDecaysItsLearningRate() {
    BackwardPolicyTrainer.Settings s = new BackwardPolicyTrainer.Settings(BackwardChoice.TLM, 3e-3, 0.99, 0.5, 20);
    try (BackwardPolicyTrainer pb = new BackwardPolicyTrainer(s, spec(), ENV, 16, 1, 1);
        Trajectories block = Trajectories.forRollouts(ENV, 16); HeadBlock heads = HeadBlock.like(block);
        HeadBlock bar = HeadBlock.like(block); ForwardRollout rollout = new ForwardRollout(ENV, new Sampler(3), 16)) {
      int used = rollout.run(block, heads, SKEWED, new ForwardRollout.Exploration(0f, 1f, 0), RolloutTimer.NONE);
      pb.targetBackwardLogits(block.prefix(used).obsRows(), bar.backwardLogits(0, used), bar.forwardLogits(0, used),
          bar.logFlow(0, used));
      for (float x : bar.backwardLogits(0, used).toArray()) {
        assertEquals(0f, x, "a zeroed output layer: PB̄ starts uniform");
      }
      double first = heldOut(pb, block, heads);
      train(pb, rollout, block, heads, 5, 1);
      assertEquals(3e-3 * Math.pow(0.99, 5), pb.learningRate(), 1e-12, "one decay per step");
      train(pb, rollout, block, heads, 150, 10);
      double last = heldOut(pb, block, heads);
      assertTrue(last < 0.9 * first, "likelihood steps fit PB: loss " + first + " -> " + last);
      pb.targetBackwardLogits(block.prefix(used).obsRows(), bar.backwardLogits(0, used), bar.forwardLogits(0, used),
          bar.logFlow(0, used));
      float[] stale = bar.backwardLogits(0, used).toArray();
      pb.updateTarget();
      pb.targetBackwardLogits(block.prefix(used).obsRows(), bar.backwardLogits(0, used), bar.forwardLogits(0, used),
          bar.logFlow(0, used));
      float[] moved = bar.backwardLogits(0, used).toArray();
      boolean changed = false;
      for (int i = 0; i < moved.length; i++) {
        changed |= moved[i] != stale[i];
      }
      assertTrue(changed, "the Polyak update moves PB̄ towards PB");
    }
  }

  @Test
  void pessimisticFitsOnRecentBatchesWithoutDecay() {
    BackwardPolicyTrainer.Settings s =
        new BackwardPolicyTrainer.Settings(BackwardChoice.PESSIMISTIC, 3e-3, 0.99, 0.5, 3);
    try (BackwardPolicyTrainer pb = new BackwardPolicyTrainer(s, spec(), ENV, 16, 1, 1);
        Trajectories block = Trajectories.forRollouts(ENV, 16); HeadBlock heads = HeadBlock.like(block);
        ForwardRollout rollout = new ForwardRollout(ENV, new Sampler(3), 16)) {
      double first = heldOut(pb, block, heads);
      train(pb, rollout, block, heads, 155, 10);
      double last = heldOut(pb, block, heads);
      assertEquals(3e-3, pb.learningRate(), 0.0);
      assertTrue(last < 0.9 * first, "loss " + first + " -> " + last);
    }
  }

  @Test
  void settingsAreChecked() {
    assertThrows(IllegalArgumentException.class,
        () -> new BackwardPolicyTrainer.Settings(BackwardChoice.NAIVE, 1e-3, 0.999, 0.25, 20));
    assertThrows(IllegalArgumentException.class,
        () -> new BackwardPolicyTrainer.Settings(BackwardChoice.TLM, 1e-3, 0, 0.25, 20));
    assertThrows(IllegalArgumentException.class,
        () -> new BackwardPolicyTrainer.Settings(BackwardChoice.TLM, -1, 0.9, 0.25, 20));
    assertThrows(IllegalArgumentException.class, () -> BackwardChoice.parse("maxent", true));
    assertEquals(BackwardChoice.NAIVE, BackwardChoice.parse("auto", true));
    assertEquals(BackwardChoice.UNIFORM, BackwardChoice.parse("auto", false));
  }
}
