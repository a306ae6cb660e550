package org.gfn4j.env;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The properties every environment must have, for every spec a subclass lists and for both
 * backends: masks are sound, rollouts terminate (or are flagged truncated), backward steps invert
 * forward steps, padding follows termination, native and Java reference agree value for value,
 * the number of valid backward actions of a state equals its number of parents, distinct states
 * observe differently, and exact enumeration is consistent; {@link EnvironmentContractChecks} adds
 * truncation flags, reward-module use and input refusal.
 * Cycles are allowed: an environment that does not always terminate may leave trajectories
 * running at the step cap (still able to move, without reward), and a fixed first edge counts
 * s0 as a parent of every start state.
 * Subclasses supply specs (and, for an environment with one backend, the backends).
 */
public abstract class EnvironmentConformanceKit extends EnvironmentContractChecks {
  private static int firstAllowed(ByteTensor invalid, int row, int numActions) {
    for (int a = 0; a < numActions; a++) {
      if (invalid.get((long) row * numActions + a) == 0) {
        return a;
      }
    }
    return 0;
  }

  /** One forward rollout per row from the initial state; returns the visited state batches. */
  private static List<int[][]> rollout(Environment env, int batch, long seed, List<float[]> rewards) {
    Random rng = new Random(seed);
    List<int[][]> visited = new ArrayList<>();
    try (StateBatch s = env.newBatch(batch);
        StateBatch next = env.newBatch(batch);
        ByteTensor invalid = ByteTensor.allocate(batch, env.numActions());
        IntTensor actions = IntTensor.allocate(batch);
        FloatTensor logR = FloatTensor.allocate(batch)) {
      env.reset(s);
      for (int t = 0; t <= env.maxSteps(); t++) {
        visited.add(snapshot(s));
        env.forwardMask(s, invalid);
        randomValid(invalid, env.numActions(), rng, actions);
        env.step(s, actions, next, logR);
        rewards.add(logR.toArray());
        s.copyFrom(next);
      }
      visited.add(snapshot(s));
    }
    return visited;
  }

  /** cells plus terminal and pad flags of every state, for value comparisons. */
  static int[][] snapshot(StateBatch s) {
    int[][] out = new int[s.batchSize()][];
    for (int b = 0; b < s.batchSize(); b++) {
      int[] c = s.cells(b);
      int[] row = Arrays.copyOf(c, c.length + 2);
      row[c.length] = s.isTerminal(b) ? 1 : 0;
      row[c.length + 1] = s.isPad(b) ? 1 : 0;
      out[b] = row;
    }
    return out;
  }

  @Test
  void forwardRolloutsTerminateWithinMaxSteps() {
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        List<int[][]> visited = rollout(env, batchSize(), 1, new ArrayList<>());
        int[][] last = visited.get(env.maxSteps());
        int w = env.stateWidth();
        for (int b = 0; b < batchSize(); b++) {
          if (env.alwaysTerminates()) {
            assertEquals(1, last[b][w], spec + " " + backend + ": trajectory " + b + " not terminal after maxSteps");
          } else if (last[b][w] == 0) {
            // With cycles a trajectory may run past the cap; it must still be a state that can move on.
            try (StateBatch one = env.newBatch(1); ByteTensor invalid = ByteTensor.allocate(1, env.numActions())) {
              env.setState(one, 0, Arrays.copyOf(last[b], w), false);
              env.forwardMask(one, invalid);
              assertEquals(0, invalid.get(firstAllowed(invalid, 0, env.numActions())),
                  spec + " " + backend + ": running trajectory " + b + " is stuck");
            }
          }
        }
      }
    }
  }

  @Test
  void maskAllowsExactlyTheActionsStepAccepts() {
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        int a = env.numActions();
        int n = batchSize();
        Random rng = new Random(2);
        try (StateBatch s = env.newBatch(n);
            StateBatch next = env.newBatch(n);
            ByteTensor invalid = ByteTensor.allocate(n, a);
            IntTensor actions = IntTensor.allocate(n);
            FloatTensor logR = FloatTensor.allocate(n)) {
          env.reset(s);
          for (int t = 0; t < Math.min(env.maxSteps(), 12); t++) {
            env.forwardMask(s, invalid);
            for (int b = 0; b < n; b++) {
              if (s.isTerminal(b)) {
                continue;
              }
              for (int act = 0; act < a; act++) {
                boolean forbidden = invalid.get((long) b * a + act) != 0;
                try (StateBatch one = env.newBatch(1);
                    StateBatch out = env.newBatch(1);
                    IntTensor single = IntTensor.of(new int[] {act}, 1);
                    FloatTensor r = FloatTensor.allocate(1)) {
                  env.setState(one, 0, s.cells(b), false);
                  if (forbidden) {
                    assertThrows(IllegalArgumentException.class, () -> env.step(one, single, out, r),
                        spec + " " + backend + ": masked action " + act + " accepted");
                  } else {
                    assertDoesNotThrow(() -> env.step(one, single, out, r));
                  }
                }
              }
            }
            randomValid(invalid, a, rng, actions);
            env.step(s, actions, next, logR);
            s.copyFrom(next);
          }
        }
      }
    }
  }

  @Test
  void backwardStepInvertsStep() {
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        int n = batchSize();
        Random rng = new Random(3);
        try (StateBatch s = env.newBatch(n);
            StateBatch next = env.newBatch(n);
            StateBatch back = env.newBatch(n);
            ByteTensor invalid = ByteTensor.allocate(n, env.numActions());
            ByteTensor bInvalid = ByteTensor.allocate(n, env.numBackwardActions());
            IntTensor actions = IntTensor.allocate(n);
            IntTensor bActions = IntTensor.allocate(n);
            IntTensor redo = IntTensor.allocate(n);
            ByteTensor done = ByteTensor.allocate(n);
            FloatTensor logR = FloatTensor.allocate(n)) {
          env.reset(s);
          int[] initial = s.cells(0);
          for (int t = 0; t < env.maxSteps(); t++) {
            env.forwardMask(s, invalid);
            randomValid(invalid, env.numActions(), rng, actions);
            env.step(s, actions, next, logR);
            env.backwardActions(s, actions, next, bActions);
            env.backwardMask(next, bInvalid);
            for (int b = 0; b < n; b++) {
              if (s.isTerminal(b)) {
                bActions.set(b, firstAllowed(bInvalid, b, env.numBackwardActions()));
              }
            }
            env.backwardStep(next, bActions, back, done);
            env.forwardActions(next, bActions, back, redo);
            for (int b = 0; b < n; b++) {
              if (s.isTerminal(b)) {
                continue; // a padding step has nothing to invert
              }
              String where = spec + " " + backend + " t=" + t + " b=" + b;
              int ba = bActions.get(b);
              assertEquals(0, bInvalid.get((long) b * env.numBackwardActions() + ba), where + ": undo action masked");
              assertArrayEquals(s.cells(b), back.cells(b), where + ": cells not restored");
              assertEquals(s.isTerminal(b), back.isTerminal(b), where + ": terminal flag not restored");
              assertEquals(actions.get(b), redo.get(b), where + ": forward action not recovered");
              boolean backAtStart = Arrays.equals(back.cells(b), initial) && !back.isTerminal(b);
              assertEquals(backAtStart, done.get(b) != 0, where + ": done must mean 'reached the initial state'");
            }
            s.copyFrom(next);
          }
        }
      }
    }
  }

  /**
   * Whether uniformly random backward walks return to s0 within 16 step caps. Not so on a large
   * Cayley graph with one start state (the 2×2×2 cube: about 3.7M expected steps); there the
   * step-by-step inversion check covers the way back.
   */
  protected boolean randomBackwardWalksReturn() {
    return true;
  }

  @Test
  void backwardRolloutsFromTerminalStatesReachTheInitialState() {
    if (!randomBackwardWalksReturn()) {
      return;
    }
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        int n = batchSize();
        List<int[][]> visited = rollout(env, n, 4, new ArrayList<>());
        int[][] finals = visited.get(visited.size() - 1);
        Random rng = new Random(5);
        try (StateBatch s = env.newBatch(n);
            StateBatch prev = env.newBatch(n);
            ByteTensor invalid = ByteTensor.allocate(n, env.numBackwardActions());
            IntTensor actions = IntTensor.allocate(n);
            ByteTensor done = ByteTensor.allocate(n)) {
          for (int b = 0; b < n; b++) {
            env.setState(s, b, Arrays.copyOf(finals[b], env.stateWidth()), true);
          }
          boolean[] reached = new boolean[n];
          // Acyclic: every backward path reaches s0 within the cap. With cycles a random backward
          // walk returns in finite expected time only, so it gets a longer horizon.
          int horizon = (env.alwaysTerminates() ? 1 : 16) * (env.maxSteps() + 1);
          for (int t = 0; t < horizon; t++) {
            env.backwardMask(s, invalid);
            randomValid(invalid, env.numBackwardActions(), rng, actions);
            env.backwardStep(s, actions, prev, done);
            for (int b = 0; b < n; b++) {
              reached[b] |= done.get(b) != 0;
            }
            s.copyFrom(prev);
          }
          for (int b = 0; b < n; b++) {
            assertTrue(reached[b], spec + " " + backend + ": backward rollout " + b + " never reached s0");
            assertFalse(s.isTerminal(b));
          }
        }
      }
    }
  }

  @Test
  void stepsFromTerminalStatesArePaddingWithoutReward() {
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        List<float[]> rewards = new ArrayList<>();
        List<int[][]> visited = rollout(env, batchSize(), 6, rewards);
        int w = env.stateWidth();
        for (int b = 0; b < batchSize(); b++) {
          int rewarded = 0;
          for (int t = 0; t + 1 < visited.size(); t++) {
            int[] cur = visited.get(t)[b];
            int[] nxt = visited.get(t + 1)[b];
            if (cur[w] == 1) {
              assertArrayEquals(Arrays.copyOf(cur, w), Arrays.copyOf(nxt, w), spec + ": padding changed the state");
              assertEquals(1, nxt[w + 1], spec + ": padding step without pad flag");
              assertEquals(0f, rewards.get(t)[b], spec + ": reward on a padding step");
            } else {
              assertEquals(0, nxt[w + 1], spec + ": pad flag on a real step");
              if (nxt[w] == 1) {
                rewarded++;
                double expected = env.logRewards(Arrays.copyOf(nxt, w), 1)[0];
                assertEquals((float) expected, rewards.get(t)[b], spec + ": step reward differs from logRewards");
              } else {
                assertEquals(0f, rewards.get(t)[b], spec + ": reward before termination");
              }
            }
          }
          boolean ended = visited.get(visited.size() - 1)[b][w] == 1;
          // A trajectory of a non-acyclic environment may still run at the cap: then it has no reward yet.
          assertEquals(ended || env.alwaysTerminates() ? 1 : 0, rewarded,
              spec + ": exactly one rewarded step per terminated trajectory");
        }
      }
    }
  }

  @Test
  void nativeAndReferenceAgreeOnStatesMasksObservationsAndRewards() {
    if (!backends().containsAll(List.of(Backend.NATIVE, Backend.JAVA))) {
      return; // one implementation only: nothing to compare
    }
    for (String spec : specs()) {
      Environment nat = create(spec, Backend.NATIVE);
      Environment ref = create(spec, Backend.JAVA);
      int n = batchSize();
      Random rng = new Random(7);
      try (StateBatch s1 = nat.newBatch(n);
          StateBatch s2 = ref.newBatch(n);
          StateBatch n1 = nat.newBatch(n);
          StateBatch n2 = ref.newBatch(n);
          ByteTensor m1 = ByteTensor.allocate(n, nat.numActions());
          ByteTensor m2 = ByteTensor.allocate(n, nat.numActions());
          ByteTensor b1 = ByteTensor.allocate(n, nat.numBackwardActions());
          ByteTensor b2 = ByteTensor.allocate(n, nat.numBackwardActions());
          Tensor<?> o1 = nat.observationSpec().allocate(n);
          Tensor<?> o2 = ref.observationSpec().allocate(n);
          FloatTensor r1 = FloatTensor.allocate(n);
          FloatTensor r2 = FloatTensor.allocate(n);
          IntTensor actions = IntTensor.allocate(n)) {
        nat.reset(s1);
        ref.reset(s2);
        for (int t = 0; t <= nat.maxSteps(); t++) {
          String where = spec + " t=" + t;
          nat.forwardMask(s1, m1);
          ref.forwardMask(s2, m2);
          nat.backwardMask(s1, b1);
          ref.backwardMask(s2, b2);
          nat.observe(s1, o1);
          ref.observe(s2, o2);
          assertArrayEquals(m1.toArray(), m2.toArray(), where + ": forward masks differ");
          assertArrayEquals(b1.toArray(), b2.toArray(), where + ": backward masks differ");
          assertArrayEquals(values(o1), values(o2), where + ": observations differ");
          randomValid(m1, nat.numActions(), rng, actions);
          nat.step(s1, actions, n1, r1);
          ref.step(s2, actions, n2, r2);
          assertArrayEquals(r1.toArray(), r2.toArray(), where + ": rewards differ");
          assertArrayEquals(flatten(snapshot(n1)), flatten(snapshot(n2)), where + ": states differ");
          s1.copyFrom(n1);
          s2.copyFrom(n2);
        }
      }
    }
  }

  private static int[] flatten(int[][] rows) {
    return Arrays.stream(rows).flatMapToInt(Arrays::stream).toArray();
  }
}
