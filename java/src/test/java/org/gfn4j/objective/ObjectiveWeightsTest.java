package org.gfn4j.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.FloatTensor;
import org.junit.jupiter.api.Test;

/**
 * Importance weights and per-transition residuals (prioritized replay's inputs and outputs) on
 * every objective: weights enter linearly, the gradients of a weighted loss still equal finite
 * differences, the residuals reproduce the loss, and native equals the Java reference.
 */
class ObjectiveWeightsTest {
  private static final double H = 1e-6;

  private static double[] randomWeights(ObjectiveArrays a, long seed) {
    Random rng = new Random(seed);
    double[] w = new double[a.slots * a.batch];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (0.1 + 2 * rng.nextDouble()); // representable as a float, like the tensors
    }
    return w;
  }

  private static double loss(AbstractObjective o, ObjectiveArrays a, ArrayGrads g) {
    return ReferenceObjectives.loss(o.kind(), o.params(), a, g);
  }

  @Test
  void weightedGradientsMatchCentralDifferences() {
    BlockFixture f = BlockFixture.synthetic(41, 6, 5, 4, 3);
    for (AbstractObjective o : ObjectiveSpecs.all(f.numActions, Backend.JAVA)) {
      if (ObjectiveSpecs.semiGradient(o)) {
        continue;
      }
      ObjectiveArrays a = f.arrays();
      a.weights = randomWeights(a, 7);
      ArrayGrads g = ArrayGrads.full(a);
      loss(o, a, g);
      double[][] heads = {a.forwardLogits, a.logFlow};
      double[][] grads = {g.dForwardLogits, g.dLogFlow};
      for (int h = 0; h < heads.length; h++) {
        for (int i = 0; i < heads[h].length; i++) {
          double x0 = heads[h][i];
          heads[h][i] = x0 + H;
          double up = loss(o, a, ArrayGrads.full(a));
          heads[h][i] = x0 - H;
          double down = loss(o, a, ArrayGrads.full(a));
          heads[h][i] = x0;
          double fd = (up - down) / (2 * H);
          assertEquals(fd, grads[h][i], 2e-6 + 1e-5 * Math.abs(fd), ObjectiveSpecs.describe(o) + " head " + h + "[" + i + "]");
        }
      }
    }
  }

  /** Weights one-hot on each transition (or trajectory) in turn add up to the unweighted loss. */
  @Test
  void weightsEnterLinearly() {
    BlockFixture f = BlockFixture.synthetic(42, 5, 4, 4, 3);
    for (AbstractObjective o : ObjectiveSpecs.all(f.numActions, Backend.JAVA)) {
      ObjectiveArrays a = f.arrays();
      double plain = loss(o, a, ArrayGrads.full(a));
      double sum = 0;
      for (int i = 0; i < a.slots * a.batch; i++) {
        a.weights = new double[a.slots * a.batch];
        a.weights[i] = 1.0;
        sum += loss(o, a, ArrayGrads.full(a));
      }
      assertEquals(plain, sum, 1e-10 * Math.max(1, Math.abs(plain)), ObjectiveSpecs.describe(o));
      java.util.Arrays.fill(a.weights, 2.5);
      assertEquals(2.5 * plain, loss(o, a, ArrayGrads.full(a)), 1e-10 * Math.max(1, Math.abs(plain)),
          ObjectiveSpecs.describe(o));
    }
  }

  /** The reported residuals rebuild the per-transition objectives' loss (huber or squared, leaf weights). */
  @Test
  void residualsReproduceTheLoss() {
    BlockFixture f = BlockFixture.synthetic(43, 6, 5, 4, 3);
    for (AbstractObjective o : ObjectiveSpecs.all(f.numActions, Backend.JAVA)) {
      ObjectiveKind kind = o.kind();
      // The objectives for cycles add a flow regulariser (and sdb a flow weight) the residual does not carry.
      if (kind == ObjectiveKind.SUBTB || kind.forCycles()) {
        continue;
      }
      ObjectiveArrays a = f.arrays();
      ArrayGrads g = ArrayGrads.full(a);
      g.tdErrors = new double[a.slots * a.batch];
      double expected = loss(o, a, g);
      double sum = 0;
      int count = 0;
      for (int b = 0; b < a.batch; b++) {
        for (int t = 0; t + 1 < a.slots; t++) {
          double e = g.tdErrors[a.cell(t, b)];
          if (!a.real(t, b)) {
            assertEquals(0.0, e, "no residual on padding");
            continue;
          }
          if (kind == ObjectiveKind.MDB && a.done(t, b)) {
            continue;
          }
          count++;
          switch (kind) {
            case TB: sum += t == 0 ? e * e : 0; break;
            case DB: sum += 0.5 * e * e; break;
            case SOFTDQN: sum += (a.done(t, b) ? o.params().leafCoeff : 1.0) * LogSoftmax.huber(e); break;
            default: sum += LogSoftmax.huber(e); break;
          }
        }
      }
      double norm = kind == ObjectiveKind.TB ? a.batch : count;
      assertEquals(expected, sum / norm, 1e-10 * Math.max(1, Math.abs(expected)), ObjectiveSpecs.describe(o));
      assertTrue(expected > 1e-3, "non-trivial loss");
    }
  }

  @Test
  void nativeWeightsAndResidualsEqualJava() throws Exception {
    BlockFixture f = BlockFixture.hypergrid("hypergrid:dim=2,side=5", 16, 5);
    float[] w = new float[f.slots * f.batch];
    Random rng = new Random(9);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (2 * rng.nextDouble());
    }
    for (int i = 0; i < ObjectiveSpecs.all(f.numActions, Backend.JAVA).size(); i++) {
      float[][] td = new float[2][];
      double[] losses = new double[2];
      int k = 0;
      for (Backend backend : new Backend[] {Backend.JAVA, Backend.NATIVE}) {
        AbstractObjective o = ObjectiveSpecs.all(f.numActions, backend).get(i);
        try (BlockFixture.Tensors t = f.tensors(); FloatTensor weights = FloatTensor.of(w, f.slots, f.batch);
            FloatTensor tdOut = FloatTensor.allocate(f.slots, f.batch);
            ObjectiveGrads g = ObjectiveGrads.allocate(t.inputs)) {
          tdOut.fill(Float.NaN);
          losses[k] = o.loss(t.inputs.toBuilder().weights(weights).build(), g.withTdErrors(tdOut));
          td[k++] = tdOut.toArray();
        }
      }
      String what = ObjectiveSpecs.describe(ObjectiveSpecs.all(f.numActions, Backend.JAVA).get(i));
      assertEquals(losses[0], losses[1], 1e-12 * Math.max(1, Math.abs(losses[0])), what);
      assertArrayEquals(td[0], td[1], 1e-5f, what);
    }
  }

  @Test
  void negativeOrNonFiniteWeightsAreRejected() throws Exception {
    BlockFixture f = BlockFixture.synthetic(44, 4, 3, 4, 3);
    for (float bad : new float[] {-1f, Float.NaN, Float.POSITIVE_INFINITY}) {
      float[] w = new float[f.slots * f.batch];
      java.util.Arrays.fill(w, 1f);
      w[2] = bad;
      try (BlockFixture.Tensors t = f.tensors(); FloatTensor weights = FloatTensor.of(w, f.slots, f.batch)) {
        assertThrows(IllegalArgumentException.class, () -> t.inputs.toBuilder().weights(weights).build());
      }
    }
  }
}
