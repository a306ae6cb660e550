// Process-wide counts of ONNX Runtime calls, read by benchmarks (fixed per-call costs add up).
package org.gfn4j.policy.ort;

import java.util.concurrent.atomic.LongAdder;

/**
 * How often gfn4j calls into ONNX Runtime: every C API call whose status is checked, and the
 * calls among them that run a graph (TrainStep, EvalStep, OptimizerStep, Run).
 */
public final class OrtCalls {
  private static final LongAdder API = new LongAdder();
  private static final LongAdder RUNS = new LongAdder();

  private OrtCalls() {}

  static void api() {
    API.increment();
  }

  static void run() {
    RUNS.increment();
  }

  /** C API calls so far (graph runs included). */
  public static long apiCalls() {
    return API.sum();
  }

  /** Graph runs so far. */
  public static long graphRuns() {
    return RUNS.sum();
  }
}
