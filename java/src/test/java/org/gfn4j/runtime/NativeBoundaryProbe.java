package org.gfn4j.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.policy.Polyak;
import org.gfn4j.sample.Sampler;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * Run in a child JVM by {@link NativeBoundaryTest}: calls every public method that reaches
 * native code with mismatched shapes, closed handles, nulls and buffers of the wrong kind, and
 * prints one "result NAME EXCEPTION" line per call. A call that crashes the JVM leaves its
 * "start NAME" line as the last one.
 */
public final class NativeBoundaryProbe {
  /** One hostile call. */
  interface Call {
    void run() throws Exception;
  }

  private static final Map<String, Call> CALLS = new LinkedHashMap<>();

  private NativeBoundaryProbe() {}

  public static void main(String[] args) {
    String only = args.length > 0 ? args[0] : null;
    environmentCalls();
    tensorCalls();
    samplerAndPolyakCalls();
    for (Map.Entry<String, Call> c : CALLS.entrySet()) {
      if (only != null && !c.getKey().equals(only)) {
        continue;
      }
      System.out.println("start " + c.getKey());
      System.out.flush();
      String outcome;
      try {
        c.getValue().run();
        outcome = "none";
      } catch (Throwable t) {
        outcome = t.getClass().getName();
      }
      System.out.println("result " + c.getKey() + " " + outcome);
      System.out.flush();
    }
    System.out.println("done");
  }

  static Iterable<String> names() {
    environmentCalls();
    tensorCalls();
    samplerAndPolyakCalls();
    return CALLS.keySet();
  }

  private static void add(String name, Call c) {
    CALLS.put(name, c);
  }

  /** The eight batch methods, each with a wrong width, unequal batches, closed and null buffers. */
  private static void environmentCalls() {
    Environment wide = Environments.create("hypergrid:dim=64,side=4");
    Environment narrow = Environments.create("hypergrid:dim=1,side=4");
    Environment env = Environments.create("hypergrid:dim=4,side=4", Backend.NATIVE);
    int b = 16;
    add("reset/issue-case", () -> wide.reset(narrow.newBatch(1024)));
    for (String kind : new String[] {"width", "batch", "closed", "null", "tensor", "closed-tensor"}) {
      if (!kind.equals("batch") && !kind.contains("tensor")) { // reset takes one batch of any size, no tensor
        add("reset/" + kind, () -> env.reset(states(env, kind, b)));
      }
      add("step/" + kind, () -> env.step(states(env, kind, b), ints(kind, b), env.newBatch(b), floats(kind, b)));
      add("backwardStep/" + kind, () -> env.backwardStep(states(env, kind, b), ints(kind, b), env.newBatch(b),
          bytes(kind, b)));
      add("forwardMask/" + kind, () -> env.forwardMask(states(env, kind, b), bytes(kind, (long) b * env.numActions())));
      add("backwardMask/" + kind, () -> env.backwardMask(states(env, kind, b),
          bytes(kind, (long) b * env.numBackwardActions())));
      add("observe/" + kind, () -> env.observe(states(env, kind, b), floats(kind, (long) b * env.observationSize())));
      add("backwardActions/" + kind, () -> env.backwardActions(states(env, kind, b), ints(kind, b), env.newBatch(b),
          ints(kind, b)));
      add("forwardActions/" + kind, () -> env.forwardActions(states(env, kind, b), ints(kind, b), env.newBatch(b),
          ints(kind, b)));
    }
    add("step/next-smaller", () -> env.step(env.newBatch(b), IntTensor.allocate(b), env.newBatch(b / 2),
        FloatTensor.allocate(b)));
    add("backwardStep/prev-wider", () -> env.backwardStep(env.newBatch(b), IntTensor.allocate(b), wide.newBatch(b),
        ByteTensor.allocate(b)));
    // wrong types: the hypergrid observes float features; any other tensor kind of the right size
    long obsSize = (long) b * env.observationSize();
    add("observe/type-int", () -> env.observe(env.newBatch(b), IntTensor.allocate(obsSize)));
    add("observe/type-byte", () -> env.observe(env.newBatch(b), ByteTensor.allocate(obsSize)));
    add("observe/type-double", () -> env.observe(env.newBatch(b), org.gfn4j.tensor.DoubleTensor.allocate(obsSize)));
    add("observe/type-null", () -> env.observe(env.newBatch(b), null));
    add("logRewards/short", () -> env.logRewards(new int[3], 2));
    add("logRewards/negative-count", () -> env.logRewards(new int[8], -1));
    add("logRewards/null", () -> env.logRewards(null, 1));
    add("logRewards/out-of-grid", () -> env.logRewards(new int[] {0, 0, 0, 99}, 1));
    add("logRewards/negative-cell", () -> env.logRewards(new int[] {0, -1, 0, 0}, 1));
    add("setState/row", () -> env.setState(env.newBatch(2), 5, new int[4], false));
    add("setState/cells", () -> env.setState(env.newBatch(2), 0, new int[7], false));
    add("setState/closed", () -> {
      StateBatch s = env.newBatch(2);
      s.close();
      env.setState(s, 0, new int[4], false);
    });
    add("stateBatch/inconsistent", () -> StateBatch.of(IntTensor.allocate(5), ByteTensor.allocate(2),
        ByteTensor.allocate(2), 4));
    add("stateBatch/zero-width", () -> StateBatch.allocate(4, 0));
    add("newBatch/negative", () -> env.newBatch(-3));
  }

  private static StateBatch states(Environment env, String kind, int b) {
    switch (kind) {
      case "width":
        return StateBatch.allocate(b, env.stateWidth() + 3);
      case "batch":
        return env.newBatch(b + 5);
      case "closed": {
        StateBatch s = env.newBatch(b);
        s.close();
        return s;
      }
      case "null":
        return null;
      default:
        return env.newBatch(b);
    }
  }

  /** A tensor of {@code n} elements, too short for kind "tensor", closed for "closed-tensor". */
  private static IntTensor ints(String kind, long n) {
    IntTensor t = IntTensor.allocate(kind.equals("tensor") ? Math.max(1, n / 2) : n);
    if (kind.equals("closed-tensor")) {
      t.close();
    }
    return t;
  }

  private static FloatTensor floats(String kind, long n) {
    FloatTensor t = FloatTensor.allocate(kind.equals("tensor") ? Math.max(1, n / 2) : n);
    if (kind.equals("closed-tensor")) {
      t.close();
    }
    return t;
  }

  private static ByteTensor bytes(String kind, long n) {
    ByteTensor t = ByteTensor.allocate(kind.equals("tensor") ? Math.max(1, n / 2) : n);
    if (kind.equals("closed-tensor")) {
      t.close();
    }
    return t;
  }

  private static void tensorCalls() {
    add("tensor/get-past-end", () -> FloatTensor.allocate(4).get(4));
    add("tensor/set-negative", () -> IntTensor.allocate(4).set(-1, 1));
    add("tensor/get-closed", () -> {
      FloatTensor t = FloatTensor.allocate(4);
      t.close();
      t.get(0);
    });
    add("tensor/toArray-closed", () -> {
      IntTensor t = IntTensor.allocate(4);
      t.close();
      t.toArray();
    });
    add("tensor/view-past-end", () -> FloatTensor.allocate(4).view(2, 4));
    add("tensor/view-negative", () -> IntTensor.allocate(4).view(-1, 2));
    add("tensor/copy-mismatch", () -> FloatTensor.allocate(4).copyFrom(FloatTensor.allocate(5)));
    add("tensor/copy-array-mismatch", () -> IntTensor.allocate(4).copyFrom(new int[9]));
    add("tensor/copy-closed", () -> {
      FloatTensor src = FloatTensor.allocate(4);
      src.close();
      FloatTensor.allocate(4).copyFrom(src);
    });
    add("tensor/negative-shape", () -> FloatTensor.allocate(-2, 3));
    add("tensor/huge-shape", () -> ByteTensor.allocate(Long.MAX_VALUE / 2, 4));
    add("tensor/of-mismatch", () -> FloatTensor.of(new float[3], 2, 2));
  }

  private static void samplerAndPolyakCalls() {
    Sampler sampler = new Sampler(1, Backend.NATIVE);
    add("sampler/rank-1-logits", () -> sampler.sample(FloatTensor.allocate(8), ByteTensor.allocate(8), 0f, 1f, 0, 0,
        IntTensor.allocate(8), null));
    add("sampler/mask-mismatch", () -> sampler.sample(FloatTensor.allocate(4, 3), ByteTensor.allocate(4, 2), 0f, 1f, 0,
        0, IntTensor.allocate(4), null));
    add("sampler/actions-short", () -> sampler.sample(FloatTensor.allocate(4, 3), ByteTensor.allocate(4, 3), 0f, 1f, 0,
        0, IntTensor.allocate(2), null));
    add("sampler/closed-logits", () -> {
      FloatTensor logits = FloatTensor.allocate(4, 3);
      logits.close();
      sampler.sample(logits, ByteTensor.allocate(4, 3), 0f, 1f, 0, 0, IntTensor.allocate(4), null);
    });
    add("sampler/null-mask", () -> sampler.sample(FloatTensor.allocate(4, 3), null, 0f, 1f, 0, 0,
        IntTensor.allocate(4), null));
    add("polyak/mismatch", () -> Polyak.update(Backend.NATIVE, 0.5f, FloatTensor.allocate(10), FloatTensor.allocate(5)));
    add("polyak/closed", () -> {
      FloatTensor t = FloatTensor.allocate(10);
      t.close();
      Polyak.update(Backend.NATIVE, 0.5f, FloatTensor.allocate(10), t);
    });
    add("polyak/null", () -> Polyak.update(Backend.NATIVE, 0.5f, null, FloatTensor.allocate(5)));
  }
}
