package org.gfn4j.objective;

import java.nio.FloatBuffer;
import org.gfn4j.tensor.FloatTensor;

/** The Java backend: copies the block to double arrays, runs the reference, writes float gradients. */
final class JavaObjectiveKernel {
  private JavaObjectiveKernel() {}

  static double loss(ObjectiveKind kind, ObjectiveParams p, ObjectiveInputs in, ObjectiveGrads g) {
    ObjectiveArrays a = ObjectiveArrays.from(in);
    a.checkActions(kind, p);
    ArrayGrads out = new ArrayGrads(
        g.dForwardLogits() == null ? null : new double[(int) g.dForwardLogits().size()],
        g.dBackwardLogits() == null ? null : new double[(int) g.dBackwardLogits().size()],
        g.dLogFlow() == null ? null : new double[(int) g.dLogFlow().size()]);
    out.tdErrors = g.tdErrors() == null ? null : new double[(int) g.tdErrors().size()];
    double loss = ReferenceObjectives.loss(kind, p, a, out);
    if (out.tdErrors != null) {
      write(out.tdErrors, g.tdErrors());
    }
    write(out.dForwardLogits, g.dForwardLogits());
    write(out.dBackwardLogits, g.dBackwardLogits());
    write(out.dLogFlow, g.dLogFlow());
    g.setDLogZ(out.dLogZ);
    return loss;
  }

  static void write(double[] values, FloatTensor target) {
    if (target == null) {
      return;
    }
    FloatBuffer buf = target.buffer();
    for (int i = 0; i < values.length; i++) {
      buf.put(i, (float) values[i]);
    }
  }
}
