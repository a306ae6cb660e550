package org.gfn4j.env;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.HashSet;
import java.util.Set;
import org.gfn4j.rollout.ForwardRollout;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.RolloutTimer;
import org.gfn4j.rollout.Trajectories;
import org.gfn4j.runtime.Backend;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The half of the conformance kit that needs the whole state space (specs small enough to
 * enumerate): exact enumeration is consistent, the number of valid backward actions of every
 * state equals its number of parents, and distinct states give distinct observations. Also
 * holds what every check is configured by: the specs, backends and how environments are made.
 */
public abstract class EnvironmentStateSpaceChecks {
  /** Specs to check; include edge cases (smallest shapes) and one realistic size. */
  protected abstract List<String> specs();

  /** Random trajectories per spec and backend. */
  protected int batchSize() {
    return 64;
  }

  /** The backends to check; both by default (an environment written only in Java lists JAVA). */
  protected List<Backend> backends() {
    return List.of(Backend.values());
  }

  /** Builds the environment of {@code spec} on {@code backend}. */
  protected Environment create(String spec, Backend backend) {
    return Environments.create(spec, backend);
  }

  /**
   * Whether the observation tells every state apart (true for all but environments whose
   * reference observation is lossy by design, such as gfnx's phylogenetic trees, which observe
   * only the Fitch sets of the roots).
   */
  protected boolean observationsDistinguishStates() {
    return true;
  }

  /** Largest state space searched by the enumeration-based checks (smaller specs get them). */
  protected long enumerationLimit() {
    return 200_000;
  }

  /** The state space of {@code env} if it is small enough for the enumeration checks, else null. */
  StateSpace smallSpace(Environment env) {
    if (!StateSpace.mayFit(env, enumerationLimit())) {
      return null;
    }
    try {
      return StateSpace.enumerate(env, enumerationLimit());
    } catch (IllegalArgumentException tooLarge) {
      return null;
    }
  }

  /** A check of one environment against its enumerated state space. */
  @FunctionalInterface
  interface SpaceCheck {
    void check(String spec, Backend backend, Environment env, StateSpace space);
  }

  /** Runs {@code check} for every spec and backend whose state space is small enough. */
  void forEachSmallSpace(SpaceCheck check) {
    for (String spec : specs()) {
      for (Backend backend : backends()) {
        Environment env = create(spec, backend);
        StateSpace space = smallSpace(env);
        if (space != null) {
          check.check(spec, backend, env, space);
        }
      }
    }
  }

  @Test
  void exactDistributionSumsToOneAndLogZMatchesEnumeration() {
    forEachSmallSpace((spec, backend, env, en) -> {
      double[] logR = en.terminalLogRewards();
      assertEquals(en.numTerminalStates(), logR.length);
      double max = Arrays.stream(logR).max().orElseThrow();
      double sum = 0;
      for (double v : logR) {
        sum += Math.exp(v - max);
      }
      assertEquals(max + Math.log(sum), en.logZ(), 1e-9, spec + ": logZ != log sum R");
      env.closedForm().ifPresent(c -> assertEquals(c.terminalCount().longValueExact(), en.numTerminalStates(),
          spec + ": closed-form terminal count differs from the enumerated one"));
      double total = Arrays.stream(en.trueDistribution()).sum();
      assertEquals(1.0, total, 1e-9, spec + ": true distribution does not sum to 1");
      double r2 = 0;
      for (double v : logR) {
        r2 += Math.exp(2 * v - en.logZ());
      }
      assertEquals(r2, en.meanReward(), 1e-9 * Math.max(1, r2), spec + ": mean reward != sum R^2 / sum R");
      for (int i = 0; i < Math.min(logR.length, 500); i++) {
        int j = (int) ((i * 7919L) % logR.length);
        int[] cells = en.terminalState(j);
        assertEquals(j, en.terminalIndex(cells));
        assertEquals(logR[j], env.logRewards(cells, 1)[0], 0.0, spec + ": enumeration order");
      }
    });
  }

  @Test
  void validBackwardActionsCountTheParents() {
    forEachSmallSpace((spec, backend, env, space) -> {
      int n = space.numStates();
      int[] parents = new int[n + space.numTerminalStates()];
      int[] children = space.children();
      // With a uniform first edge s0 -> s1 every non-terminal state but s0 has s0 as its parent
      // (the return-to-s0 backward action), and the one stepped edge from s0 is that same edge.
      // A first edge with one start state is that stepped edge alone.
      boolean firstEdge = env.firstEdge().isPresent() && env.firstEdge().get().logStartCount() > 0;
      for (int e = 0; e < children.length; e++) {
        if (children[e] >= 0 && !(firstEdge && e < env.numActions())) {
          parents[children[e]]++;
        }
      }
      if (firstEdge) {
        for (int k = 1; k < n; k++) {
          parents[k]++;
        }
      }
      int ab = env.numBackwardActions();
      int total = parents.length;
      int chunk = 256;
      for (int start = 1; start < total; start += chunk) { // index 0 is s0: a backward step from it is padding
        int count = Math.min(chunk, total - start);
        try (StateBatch s = env.newBatch(count); ByteTensor invalid = ByteTensor.allocate(count, ab)) {
          for (int i = 0; i < count; i++) {
            int k = start + i;
            env.setState(s, i, k < n ? space.state(k) : space.terminalState(k - n), k >= n);
          }
          env.backwardMask(s, invalid);
          for (int i = 0; i < count; i++) {
            int valid = 0;
            for (int act = 0; act < ab; act++) {
              valid += invalid.get((long) i * ab + act) == 0 ? 1 : 0;
            }
            int k = start + i;
            assertEquals(parents[k], valid, spec + " " + backend + ": state " + Arrays.toString(s.cells(i))
                + (k >= n ? " (terminal)" : "") + " has " + parents[k] + " parents but " + valid
                + " valid backward actions");
          }
        }
      }
    });
  }

  @Test
  void distinctStatesGiveDistinctObservations() {
    if (!observationsDistinguishStates()) {
      return;
    }
    forEachSmallSpace((spec, backend, env, space) -> {
      assertDistinct(env, space.numStates(), space::state, false, spec + " " + backend + " non-terminal");
      assertDistinct(env, space.numTerminalStates(), space::terminalState, true, spec + " " + backend + " terminal");
    });
  }

  private static void assertDistinct(Environment env, int count, java.util.function.IntFunction<int[]> state,
      boolean terminal, String where) {
    Set<List<Double>> seen = new HashSet<>();
    int chunk = 256;
    for (int start = 0; start < count; start += chunk) {
      int n = Math.min(chunk, count - start);
      try (StateBatch s = env.newBatch(n); Tensor<?> obs = env.observationSpec().allocate(n)) {
        for (int i = 0; i < n; i++) {
          env.setState(s, i, state.apply(start + i), terminal);
        }
        env.observe(s, obs);
        double[] v = values(obs);
        int o = env.observationSize();
        for (int i = 0; i < n; i++) {
          List<Double> row = new ArrayList<>(o);
          for (int j = 0; j < o; j++) {
            row.add(v[i * o + j]);
          }
          assertTrue(seen.add(row), where + ": state " + Arrays.toString(state.apply(start + i))
              + " observes like another state");
        }
      }
    }
  }

  /** Every element of a float or int tensor, as doubles. */
  static double[] values(Tensor<?> t) {
    if (t instanceof FloatTensor f) {
      float[] a = f.toArray();
      double[] out = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i];
      }
      return out;
    }
    return Arrays.stream(((IntTensor) t).toArray()).asDoubleStream().toArray();
  }

}
