package org.gfn4j.train;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gfn4j.env.Environment;
import org.gfn4j.env.StateSpace;

/**
 * Estimates the memory a training run will hold (state and trajectory blocks, network
 * parameters with optimizer state and activations, metric buffers, enumeration, evaluation
 * arrays) from its config alone, and refuses a run that cannot fit before anything is
 * allocated. Sizes are computed in doubles, so no product of settings can overflow.
 */
public final class ResourceCheck {
  /** Longest Java array the JVM allocates. */
  static final double MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** Where memory comes from: the Java heap, JavaCPP's off-heap pointers (tensors), or ONNX Runtime. */
  enum Pool {
    HEAP,
    TENSORS,
    RUNTIME
  }

  /** One named share of the estimate. */
  record Part(String what, double bytes, Pool pool) {
    boolean in(Pool p) {
      return pool == p;
    }
  }

  private ResourceCheck() {}

  /**
   * Checks against this machine's physical memory, the JVM's heap limit and JavaCPP's limit on
   * off-heap tensors (by default the heap limit too).
   */
  public static void check(TrainConfig c, Environment env) {
    check(c, env, physicalMemory(), Runtime.getRuntime().maxMemory(), org.bytedeco.javacpp.Pointer.maxBytes());
  }

  /** Throws IllegalArgumentException (one line) when the run would not fit. */
  static void check(TrainConfig c, Environment env, long machineBytes, long heapBytes, long tensorBytes) {
    List<Part> parts = estimate(c, env);
    double total = 0;
    for (Part p : parts) {
      total += p.bytes();
    }
    if (total > machineBytes) {
      throw new IllegalArgumentException("the run needs about " + gib(total) + " of memory (" + largest(parts, null)
          + "), more than this machine's " + gib(machineBytes) + "; lower the sizes named");
    }
    double heap = sum(parts, Pool.HEAP);
    if (heap > heapBytes) {
      throw new IllegalArgumentException("the run needs about " + gib(heap) + " of Java heap ("
          + largest(parts, Pool.HEAP) + "), more than the JVM's limit of " + gib(heapBytes)
          + "; lower the sizes named or raise -Xmx (JAVA_OPTS)");
    }
    double tensors = sum(parts, Pool.TENSORS);
    if (tensorBytes > 0 && tensors > tensorBytes) {
      throw new IllegalArgumentException("the run needs about " + gib(tensors) + " of off-heap tensors ("
          + largest(parts, Pool.TENSORS) + "), more than the limit of " + gib(tensorBytes)
          + " (JavaCPP's maxBytes, by default -Xmx); lower the sizes named or raise -Xmx (JAVA_OPTS)");
    }
  }

  private static double sum(List<Part> parts, Pool pool) {
    double s = 0;
    for (Part p : parts) {
      s += p.in(pool) ? p.bytes() : 0;
    }
    return s;
  }

  /** The shares of the estimate, largest first. */
  static List<Part> estimate(TrainConfig c, Environment env) {
    double slots = env.maxSteps() + 1.0;
    double width = env.stateWidth();
    double obs = env.observationSize();
    double heads = env.numActions() + env.numBackwardActions() + 1.0;
    double batch = c.getInt(TrainKey.BATCH);
    double evalBatch = c.getInt(TrainKey.EVAL_BATCH);
    double hidden = c.getInt(TrainKey.HIDDEN);
    double depth = c.getInt(TrainKey.DEPTH);
    double rounds = c.getInt(TrainKey.EVAL_ROUNDS);
    boolean target = !c.get(TrainKey.OBJECTIVE).matches("tb|db|subtb");
    // cells, flags, observations, masks, actions and rewards of one slot of one trajectory
    double perRow = 4 * width + 2 + 4 * obs + heads + 12;
    List<Part> parts = new ArrayList<>();
    double rows = slots * batch;
    parts.add(new Part("trajectory block: batch x (max steps + 1) x observation size", rows * perRow, Pool.TENSORS));
    // head outputs, upstream gradients (and target-network heads), compacted rows
    parts.add(new Part("head blocks: batch x (max steps + 1) x actions",
        rows * heads * 4 * (target ? 3 : 2) + rows * (4 + 4 * (obs + heads)), Pool.TENSORS));
    double params = obs * hidden + hidden + (depth - 1) * (hidden * hidden + hidden) + hidden * heads + heads;
    // parameters, gradients and two Adam moments; a target copy; the model files written once
    parts.add(new Part("network parameters: hidden x hidden x depth", params * 4 * (4 + (target ? 1 : 0) + 3), Pool.RUNTIME));
    parts.add(new Part("network activations: batch x (max steps + 1) x hidden x depth",
        (rows + slots * evalBatch) * hidden * depth * 4 * 3, Pool.RUNTIME));
    parts.add(new Part("evaluation block: eval_batch x (max steps + 1)",
        slots * evalBatch * (perRow + heads * 4 * 2), Pool.TENSORS));
    double samples = rounds * evalBatch * width;
    requireArray(samples, "eval_rounds x eval_batch x state width");
    parts.add(new Part("evaluation samples: eval_rounds x eval_batch", samples * 4, Pool.HEAP));
    if (c.get(TrainKey.REPLAY).equals("uniform")) {
      double capacity = c.getInt(TrainKey.REPLAY_CAPACITY);
      double replayBatch = c.getInt(TrainKey.REPLAY_BATCH);
      parts.add(new Part("replay buffer: replay_capacity", 2 * capacity * perRow, Pool.TENSORS));
      parts.add(new Part("replay batch: replay_batch", 2 * replayBatch * (perRow + heads * 4 * 3), Pool.TENSORS));
      parts.add(new Part("replay activations: replay_batch x hidden x depth",
          2 * replayBatch * hidden * depth * 4 * 3, Pool.RUNTIME));
    }
    double lsRounds = c.getInt(TrainKey.LS_ITERATIONS);
    if (lsRounds > 0) {
      double lsBatch = batch * (1 + lsRounds) + c.getInt(TrainKey.LS_REPLAY_BATCH);
      requireArray(slots * lsBatch * Math.max(obs, heads), "local search block: batch x (1 + ls_iterations) + ls_replay_batch");
      parts.add(new Part("local search block: batch x (1 + ls_iterations) + ls_replay_batch",
          slots * lsBatch * (perRow + heads * 4 * 3) + 4 * slots * batch * (perRow + heads * 4), Pool.TENSORS));
      parts.add(new Part("local search activations: its block x hidden x depth",
          slots * lsBatch * hidden * depth * 4 * 3, Pool.RUNTIME));
      double capacity = c.getInt(TrainKey.LS_REPLAY_CAPACITY);
      requireArray(capacity * width, "ls_replay_capacity x state width");
      parts.add(new Part("local search replay: ls_replay_capacity", capacity * (4 * width + 8) * 2, Pool.HEAP));
    }
    long maxStates = c.getInt(TrainKey.ENUM_MAX_STATES);
    if (StateSpace.mayFit(env, maxStates)) {
      // the search stops at enum_max_states, so that bounds what it holds
      double states = Math.min(maxStates, env.stateCountBound().orElse(maxStates));
      double buffer = c.getInt(TrainKey.METRIC_BUFFER);
      requireArray(buffer, "metric_buffer");
      parts.add(new Part("metric buffers: metric_buffer", buffer * (4 + 8) + states * 4, Pool.HEAP));
      // cells of states and terminal objects, hash tables, the edge table, flows and rewards
      parts.add(new Part("enumeration: enum_max_states or the environment's states",
          states * (2 * 4 * width + 32 + 4 * env.numActions() + 8 * 6), Pool.HEAP));
      double corr = c.getInt(TrainKey.CORR_OBJECTS);
      requireArray(corr * width, "corr_objects x state width");
      requireArray(corr * rounds, "corr_objects x eval_rounds");
      parts.add(new Part("correlation: corr_objects x eval_rounds", corr * width * 4 + 2 * corr * rounds * 8, Pool.HEAP));
    }
    parts.sort(Comparator.comparingDouble(Part::bytes).reversed());
    return parts;
  }

  private static void requireArray(double elements, String what) {
    if (elements > MAX_ARRAY) {
      throw new IllegalArgumentException(what + " must stay below 2^31 elements, the run asks for "
          + String.format(Locale.ROOT, "%.3g", elements));
    }
  }

  private static String largest(List<Part> parts, Pool pool) {
    List<String> names = new ArrayList<>();
    for (Part p : parts) {
      if ((pool == null || p.in(pool)) && names.size() < 2) {
        names.add(p.what() + " " + gib(p.bytes()));
      }
    }
    return String.join("; ", names);
  }

  static String gib(double bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.3g GiB", bytes / (1L << 30))
        : String.format(Locale.ROOT, "%.3g MiB", bytes / (1L << 20));
  }

  /** Physical memory of the machine, or the JVM's heap limit where the platform does not say. */
  static long physicalMemory() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      long total = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
      if (total > 0) {
        return total;
      }
    }
    return Runtime.getRuntime().maxMemory();
  }
}
