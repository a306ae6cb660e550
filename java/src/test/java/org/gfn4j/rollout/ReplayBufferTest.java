package org.gfn4j.rollout;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.SplittableRandom;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.sample.Sampler;
import org.junit.jupiter.api.Test;

/** The replay buffer holds real transitions only and hands them back intact, also after a save. */
class ReplayBufferTest {
  private final Environment env = Environments.create("hypergrid:dim=2,side=6");

  /** Hands {@code rollouts} blocks of 8 skewed, ε-explored rollouts of {@code env} (with their used slots) to {@code sink}. */
  static void rollouts(Environment env, int rollouts, java.util.function.ObjIntConsumer<Trajectories> sink) {
    try (Trajectories block = Trajectories.forRollouts(env, 8);
        HeadBlock heads = HeadBlock.like(block);
        ForwardRollout rollout = new ForwardRollout(env, new Sampler(2), 8)) {
      for (int i = 0; i < rollouts; i++) {
        sink.accept(block, rollout.run(block, heads, RolloutTest.SKEWED, new ForwardRollout.Exploration(0.3f, 1f, i),
            RolloutTimer.NONE));
      }
    }
  }

  private ReplayBuffer filled(int capacity, int rollouts) {
    ReplayBuffer buffer = new ReplayBuffer(capacity, env.stateWidth(), env.observationSpec(), env.numActions(),
        env.numBackwardActions());
    rollouts(env, rollouts, (block, used) -> {
      int real = 0;
      for (int t = 0; t + 1 < used; t++) {
        for (int b = 0; b < 8; b++) {
          real += block.isReal(t, b) ? 1 : 0;
        }
      }
      assertEquals(real, buffer.add(block, used), "every real transition, no padding");
    });
    return buffer;
  }

  private static Trajectories sampled(ReplayBuffer buffer, Environment env, long seed) {
    Trajectories out = Trajectories.of(env, 2, 64);
    buffer.sample(new SplittableRandom(seed), out);
    return out;
  }

  @Test
  void sampledTransitionsAreEnvironmentTransitionsWithTheirObservationsAndMasks() {
    try (ReplayBuffer buffer = filled(500, 6); Trajectories out = sampled(buffer, env, 1)) {
      RolloutTest.assertTransitions(env, out);
      for (int slot = 0; slot < 2; slot++) {
        try (Trajectories fresh = Trajectories.of(env, 2, 64)) {
          env.observe(out.states(slot), fresh.obs(slot));
          env.forwardMask(out.states(slot), fresh.forwardMask(slot));
          assertArrayEquals(((FloatTensor) fresh.obs(slot)).toArray(), ((FloatTensor) out.obs(slot)).toArray());
          assertArrayEquals(fresh.forwardMask(slot).toArray(), out.forwardMask(slot).toArray());
        }
      }
      for (int b = 0; b < 64; b++) {
        assertFalse(out.states(0).isTerminal(b), "s of a real transition is never terminal");
      }
    }
  }

  @Test
  void theBufferIsAFifoOfItsCapacity() {
    try (ReplayBuffer buffer = filled(50, 10)) {
      assertEquals(50, buffer.size());
    }
  }

  @Test
  void saveAndRestoreGiveTheSameSamples() throws Exception {
    try (ReplayBuffer a = filled(300, 4);
        ReplayBuffer b = new ReplayBuffer(300, env.stateWidth(), env.observationSpec(), env.numActions(),
            env.numBackwardActions())) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        a.save(out);
      }
      b.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), env);
      assertEquals(a.size(), b.size());
      try (Trajectories x = sampled(a, env, 7); Trajectories y = sampled(b, env, 7)) {
        assertArrayEquals(x.cells.toArray(), y.cells.toArray());
        assertArrayEquals(((FloatTensor) x.obs).toArray(), ((FloatTensor) y.obs).toArray());
        assertArrayEquals(x.backwardMask.toArray(), y.backwardMask.toArray());
        assertArrayEquals(x.actions.toArray(), y.actions.toArray());
        assertArrayEquals(x.logReward.toArray(), y.logReward.toArray());
      }
    }
  }

  @Test
  void restoringOutOfRangeCellsIsAnErrorNotACrash() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ReplayBuffer a = filled(50, 1); DataOutputStream out = new DataOutputStream(bytes)) {
      a.save(out);
    }
    byte[] data = bytes.toByteArray();
    java.nio.ByteBuffer.wrap(data).putInt(12, 1_000_000); // the first cell of the first transition
    try (ReplayBuffer b = new ReplayBuffer(50, env.stateWidth(), env.observationSpec(), env.numActions(),
        env.numBackwardActions())) {
      java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
          () -> b.restore(new DataInputStream(new ByteArrayInputStream(data)), env));
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("transition 0"), e.getMessage());
    }
  }
}
