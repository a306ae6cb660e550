package org.gfn4j.metrics;

import java.util.Map;
import java.util.SplittableRandom;
import org.gfn4j.env.Environment;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.ShortestPaths;
import org.gfn4j.env.StateBatch;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Best-of-K search for shortest paths with a trained backward policy, in an environment whose
 * trajectories all start in one state g (the solved cube): a fixed set of scrambles x is drawn
 * once (random walks of a given number of uniformly random moves from g), and each is solved by K backward
 * rollouts from x, sampled from PB until the return to s0 (which passes through g) or the step
 * cap; the shortest is the solution, its length is compared with the BFS distance d(g, x).
 * Budget = K samples per scramble, each at most the step cap long.
 */
public final class PathSolver implements AutoCloseable {
  private final Environment env;
  private final ShortestPaths oracle;
  private final int scrambles;
  private final int samples;
  private final int depth;
  private final int rows;
  private final int width;
  private final int[] start;
  private final int[] objects;
  private final StateBatch cur;
  private final StateBatch prev;
  private final Tensor<?> obs;
  private final FloatTensor forward;
  private final FloatTensor backward;
  private final FloatTensor flow;
  private final ByteTensor invalid;
  private final ByteTensor finished;
  private final ByteTensor done;
  private final IntTensor actions;

  /** IllegalArgumentException unless {@code env} has shortest paths and a first edge with one start state. */
  public PathSolver(Environment env, int scrambles, int samples, int depth, long seed) {
    FirstEdge edge = env.firstEdge().orElse(null);
    if (env.shortestPaths().isEmpty() || edge == null || edge.logStartCount() != 0 || env.stopAction().isEmpty()) {
      throw new IllegalArgumentException("solving scrambles needs an environment with exact shortest paths whose"
          + " trajectories all start in one state (e.g. cube2), not " + env.spec());
    }
    if (scrambles <= 0 || samples <= 0 || (long) scrambles * samples > 1 << 20) {
      throw new IllegalArgumentException("scrambles and samples must be positive with a product of at most 2^20, got "
          + scrambles + " x " + samples);
    }
    if (depth < 0) {
      throw new IllegalArgumentException("scramble depth must be non-negative, got " + depth);
    }
    this.depth = depth;
    this.env = env;
    this.oracle = env.shortestPaths().get();
    this.scrambles = scrambles;
    this.samples = samples;
    this.rows = scrambles * samples;
    this.width = env.stateWidth();
    this.cur = env.newBatch(rows);
    this.prev = env.newBatch(rows);
    this.obs = env.observationSpec().allocate(rows);
    this.forward = FloatTensor.allocate(rows, env.numActions());
    this.backward = FloatTensor.allocate(rows, env.numBackwardActions());
    this.flow = FloatTensor.allocate(rows, 1);
    this.invalid = ByteTensor.allocate(rows, env.numBackwardActions());
    this.finished = ByteTensor.allocate(rows);
    this.done = ByteTensor.allocate(rows);
    this.actions = IntTensor.allocate(rows);
    try (StateBatch one = env.newBatch(1)) {
      edge.sample(one, new SplittableRandom(seed));
      this.start = one.cells(0);
    }
    this.objects = scramble(new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L));
  }

  /** Random walks of uniformly random moves (never the stop action) from the start state. */
  private int[] scramble(SplittableRandom rng) {
    int stop = env.stopAction().getAsInt();
    int a = env.numActions();
    try (StateBatch s = env.newBatch(scrambles);
        StateBatch next = env.newBatch(scrambles);
        ByteTensor mask = ByteTensor.allocate(scrambles, a);
        IntTensor moves = IntTensor.allocate(scrambles);
        FloatTensor logR = FloatTensor.allocate(scrambles)) {
      for (int b = 0; b < scrambles; b++) {
        env.setState(s, b, start, false);
      }
      for (int t = 0; t < depth; t++) {
        env.forwardMask(s, mask);
        for (int b = 0; b < scrambles; b++) {
          int chosen = -1;
          int count = 0;
          for (int m = 0; m < a; m++) {
            if (m != stop && mask.get((long) b * a + m) == 0 && rng.nextInt(++count) == 0) {
              chosen = m;
            }
          }
          moves.set(b, chosen);
        }
        env.step(s, moves, next, logR);
        s.copyFrom(next);
      }
      int[] out = new int[scrambles * width];
      for (int b = 0; b < scrambles; b++) {
        System.arraycopy(s.cells(b), 0, out, b * width, width);
      }
      return out;
    }
  }

  /** The scrambles (cells, concatenated). */
  public int[] scrambles() {
    return objects.clone();
  }

  /** {@code solve_*} metrics of {@code policy}'s backward head (see {@link PathLengths}). */
  public Map<String, Double> solve(PolicyFn policy, Sampler sampler, long rngStep) {
    for (int r = 0; r < rows; r++) {
      int x = r / samples;
      env.setState(cur, r, java.util.Arrays.copyOfRange(objects, x * width, (x + 1) * width), true);
    }
    finished.fill((byte) 0);
    int[] steps = new int[rows];
    int remaining = rows;
    // Undo exit, at most maxSteps moves, return to s0.
    for (int k = 0; k < env.maxSteps() + 2 && remaining > 0; k++) {
      env.observe(cur, obs);
      policy.evaluate(obs, finished, forward, backward, flow);
      env.backwardMask(cur, invalid);
      sampler.sample(backward, invalid, 0f, 1f, rngStep, k, actions, null);
      env.backwardStep(cur, actions, prev, done);
      for (int r = 0; r < rows; r++) {
        if (finished.get(r) == 0 && done.get(r) != 0) {
          finished.set(r, (byte) 1);
          steps[r] = k + 1;
          remaining--;
        }
      }
      cur.copyFrom(prev);
    }
    PathLengths lengths = new PathLengths();
    for (int x = 0; x < scrambles; x++) {
      int best = Integer.MAX_VALUE;
      for (int r = x * samples; r < (x + 1) * samples; r++) {
        if (steps[r] > 0) {
          best = Math.min(best, steps[r] - 2);
        }
      }
      if (best == Integer.MAX_VALUE) {
        lengths.miss();
      } else {
        lengths.add(best, oracle.distance(start, java.util.Arrays.copyOfRange(objects, x * width, (x + 1) * width)));
      }
    }
    return lengths.toMap("solve", samples);
  }

  @Override
  public void close() {
    cur.close();
    prev.close();
    obs.close();
    forward.close();
    backward.close();
    flow.close();
    invalid.close();
    finished.close();
    done.close();
    actions.close();
  }
}
