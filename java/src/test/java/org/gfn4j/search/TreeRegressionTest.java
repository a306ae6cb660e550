package org.gfn4j.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tree regression loss on both backends: its value by the definition, gradients by finite differences, twins equal, checks. */
class TreeRegressionTest {
  private static final int ROWS = 7;
  private static final int A = 4;

  /** A random problem: some rows searched, some exiting, some both, some neither; invalid actions here and there. */
  private static final class Problem implements AutoCloseable {
    final FloatTensor logits = FloatTensor.allocate(ROWS, A);
    final FloatTensor flow = FloatTensor.allocate(ROWS);
    final ByteTensor invalid = ByteTensor.allocate(ROWS, A);
    final ByteTensor searched = ByteTensor.allocate(ROWS);
    final FloatTensor target = FloatTensor.allocate(ROWS, A);
    final IntTensor exit = IntTensor.allocate(ROWS);
    final FloatTensor logR = FloatTensor.allocate(ROWS);
    final FloatTensor dLogits = FloatTensor.allocate(ROWS, A);
    final FloatTensor dFlow = FloatTensor.allocate(ROWS);

    Problem(long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      for (int r = 0; r < ROWS; r++) {
        for (int a = 0; a < A; a++) {
          logits.set(r * A + a, (float) rng.nextDouble(-2, 2));
          target.set(r * A + a, (float) rng.nextDouble(-3, 3));
          invalid.set(r * A + a, (byte) (a > 0 && rng.nextDouble() < 0.25 ? 1 : 0));
        }
        flow.set(r, (float) rng.nextDouble(-1, 2));
        searched.set(r, (byte) (r % 3 != 2 ? 1 : 0));
        exit.set(r, r % 2 == 0 ? 0 : -1);
        logR.set(r, (float) rng.nextDouble(-4, 1));
      }
    }

    double loss(TreeRegression k) {
      return k.loss(ROWS, A, logits, flow, invalid, searched, target, exit, logR, dLogits, dFlow);
    }

    /** The definition, in double: mean squared error per searched row, exit terms, over the number of terms. */
    double definition() {
      double sum = 0;
      int terms = 0;
      for (int r = 0; r < ROWS; r++) {
        double lse = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int a = 0; a < A; a++) {
          if (invalid.get(r * A + a) == 0) {
            k++;
            double x = logits.get(r * A + a);
            lse = lse == Double.NEGATIVE_INFINITY ? x : Math.max(lse, x) + Math.log1p(Math.exp(-Math.abs(lse - x)));
          }
        }
        for (int a = 0; a < A; a++) {
          if (invalid.get(r * A + a) != 0) {
            continue;
          }
          double q = flow.get(r) + logits.get(r * A + a) - lse;
          if (searched.get(r) != 0) {
            sum += Math.pow(q - target.get(r * A + a), 2) / k;
          }
          if (exit.get(r) == a) {
            sum += Math.pow(q - logR.get(r), 2);
          }
        }
        terms += searched.get(r) + (exit.get(r) >= 0 ? 1 : 0);
      }
      return sum / terms;
    }

    @Override
    public void close() {
      for (AutoCloseable c : new AutoCloseable[] {logits, flow, invalid, searched, target, exit, logR, dLogits, dFlow}) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void lossMatchesItsDefinitionAndGradientsMatchFiniteDifferences(Backend backend) {
    TreeRegression k = new TreeRegression(backend);
    try (Problem p = new Problem(5)) {
      double loss = p.loss(k);
      assertEquals(p.definition(), loss, 1e-6);
      float[] dLogits = p.dLogits.toArray();
      float[] dFlow = p.dFlow.toArray();
      double h = 1e-2;
      for (int i = 0; i < ROWS * A; i++) {
        float x = p.logits.get(i);
        p.logits.set(i, (float) (x + h));
        double up = p.definition();
        p.logits.set(i, (float) (x - h));
        double down = p.definition();
        p.logits.set(i, x);
        double expected = p.invalid.get(i) != 0 ? 0 : (up - down) / (2 * h);
        assertEquals(expected, dLogits[i], 2e-3, "dLoss/dlogit " + i);
      }
      for (int r = 0; r < ROWS; r++) {
        float x = p.flow.get(r);
        p.flow.set(r, (float) (x + h));
        double up = p.definition();
        p.flow.set(r, (float) (x - h));
        double down = p.definition();
        p.flow.set(r, x);
        assertEquals((up - down) / (2 * h), dFlow[r], 2e-3, "dLoss/dlogF " + r);
      }
    }
  }

  @Test
  void nativeAndJavaAgree() {
    try (Problem a = new Problem(9); Problem b = new Problem(9)) {
      assertEquals(a.loss(new TreeRegression(Backend.JAVA)), b.loss(new TreeRegression(Backend.NATIVE)), 1e-9);
      float[] ga = a.dLogits.toArray();
      float[] gb = b.dLogits.toArray();
      for (int i = 0; i < ga.length; i++) {
        assertEquals(ga[i], gb[i], 1e-6f);
      }
      for (int r = 0; r < ROWS; r++) {
        assertEquals(a.dFlow.get(r), b.dFlow.get(r), 1e-6f);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badInputsAreRejected(Backend backend) {
    TreeRegression k = new TreeRegression(backend);
    try (Problem p = new Problem(2)) {
      p.exit.set(0, A);
      assertThrows(IllegalArgumentException.class, () -> p.loss(k));
      p.exit.set(0, 0);
      p.target.set(0, Float.NaN);
      assertThrows(IllegalArgumentException.class, () -> p.loss(k));
      p.target.set(0, 0f);
      p.invalid.set(0, (byte) 1);
      assertThrows(IllegalArgumentException.class, () -> p.loss(k)); // the exit action is invalid there
      assertThrows(IllegalArgumentException.class, () -> k.loss(ROWS + 1, A, p.logits, p.flow, p.invalid, p.searched,
          p.target, p.exit, p.logR, p.dLogits, p.dFlow));
    }
  }
}
