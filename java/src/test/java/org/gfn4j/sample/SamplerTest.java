package org.gfn4j.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The masked sampler on both backends: identical actions native vs Java on many random batches,
 * empirical frequencies that match softmax / epsilon-uniform mixtures (chi-square), the policy
 * log-probability, padding rows, reproducibility and argument checks.
 */
class SamplerTest {
  /** A batch of logits and masks, with edge cases: padding rows, -inf and extreme logits. */
  private static final class Batch implements AutoCloseable {
    final FloatTensor logits;
    final ByteTensor invalid;
    final IntTensor actions;
    final FloatTensor logProb;

    Batch(float[] x, byte[] mask, int rows, int n) {
      logits = FloatTensor.of(x, rows, n);
      invalid = ByteTensor.of(mask, rows, n);
      actions = IntTensor.allocate(rows);
      logProb = FloatTensor.allocate(rows);
    }

    static Batch random(Random rng, int rows, int n) {
      float[] x = new float[rows * n];
      byte[] mask = new byte[rows * n];
      double scale = rng.nextInt(3) == 0 ? 30 : 2;
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) (scale * rng.nextGaussian());
        mask[i] = (byte) (rng.nextDouble() < 0.3 ? 1 : 0);
        if (rng.nextDouble() < 0.02) {
          x[i] = Float.NEGATIVE_INFINITY;
        }
      }
      for (int b = 0; b < rows; b++) {
        if (rng.nextDouble() < 0.05) {
          Arrays.fill(mask, b * n, (b + 1) * n, (byte) 1);
        }
        // a row with valid actions needs one finite valid logit (all -inf is rejected)
        int firstValid = -1;
        boolean finite = false;
        for (int k = 0; k < n; k++) {
          if (mask[b * n + k] == 0) {
            firstValid = firstValid < 0 ? k : firstValid;
            finite |= Float.isFinite(x[b * n + k]);
          }
        }
        if (firstValid >= 0 && !finite) {
          x[b * n + firstValid] = 0f;
        }
      }
      return new Batch(x, mask, rows, n);
    }

    @Override
    public void close() {
      logits.close();
      invalid.close();
      actions.close();
      logProb.close();
    }
  }

  @Test
  void nativeAndJavaDrawIdenticalActions() {
    Random rng = new Random(2024);
    float[] epsilons = {0f, 0f, 0.1f, 0.5f, 1f};
    float[] temperatures = {1f, 1f, 0.25f, 2f, 7.5f};
    Sampler nat = new Sampler(77, Backend.NATIVE);
    Sampler jav = new Sampler(77, Backend.JAVA);
    long compared = 0;
    for (int trial = 0; trial < 300; trial++) {
      int rows = 1 + rng.nextInt(200);
      int n = 1 + rng.nextInt(rng.nextBoolean() ? 8 : 300);
      float eps = epsilons[rng.nextInt(epsilons.length)];
      float temp = temperatures[rng.nextInt(temperatures.length)];
      long step = rng.nextInt(100_000);
      int slot = rng.nextInt(100);
      try (Batch a = Batch.random(rng, rows, n); Batch b = Batch.random(new Random(0), 1, 1)) {
        nat.sample(a.logits, a.invalid, eps, temp, step, slot, a.actions, a.logProb);
        int[] nativeActions = a.actions.toArray();
        float[] nativeLogProb = a.logProb.toArray();
        jav.sample(a.logits, a.invalid, eps, temp, step, slot, a.actions, a.logProb);
        assertArrayEquals(nativeActions, a.actions.toArray(), "trial " + trial);
        float[] javaLogProb = a.logProb.toArray();
        for (int i = 0; i < rows; i++) {
          assertEquals(javaLogProb[i], nativeLogProb[i], 1e-5 * Math.max(1, Math.abs(javaLogProb[i])));
        }
        compared += rows;
      }
    }
    assertTrue(compared > 20_000, "compared " + compared + " rows");
  }

  /** Pearson chi-square of counts against probabilities; zero-probability cells must be empty. */
  private static double chiSquare(int[] counts, double[] p, int total) {
    double chi = 0;
    for (int k = 0; k < p.length; k++) {
      if (p[k] == 0) {
        assertEquals(0, counts[k], "an impossible action was drawn: " + k);
        continue;
      }
      double e = p[k] * total;
      chi += (counts[k] - e) * (counts[k] - e) / e;
    }
    return chi;
  }

  private static double[] maskedSoftmax(float[] x, byte[] mask, double temperature) {
    double[] p = new double[x.length];
    double sum = 0;
    for (int k = 0; k < x.length; k++) {
      if (mask[k] == 0) {
        p[k] = Math.exp(x[k] / temperature);
        sum += p[k];
      }
    }
    for (int k = 0; k < x.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void frequenciesMatchTheMixtureOfSoftmaxAndUniform(Backend backend) {
    float[] x = {1.2f, -0.3f, 0.0f, 2.5f, -1.0f, 0.7f, 3.0f};
    byte[] mask = {0, 0, 1, 0, 0, 1, 0};
    int rows = 40_000;
    float[] xs = new float[rows * x.length];
    byte[] masks = new byte[rows * x.length];
    for (int b = 0; b < rows; b++) {
      System.arraycopy(x, 0, xs, b * x.length, x.length);
      System.arraycopy(mask, 0, masks, b * x.length, x.length);
    }
    Sampler sampler = new Sampler(5, backend);
    float[][] settings = {{0f, 1f}, {0f, 3f}, {1f, 1f}, {0.3f, 0.5f}};
    try (Batch batch = new Batch(xs, masks, rows, x.length)) {
      for (int s = 0; s < settings.length; s++) {
        float eps = settings[s][0];
        float temp = settings[s][1];
        double[] soft = maskedSoftmax(x, mask, temp);
        double[] p = new double[x.length];
        for (int k = 0; k < x.length; k++) {
          p[k] = mask[k] != 0 ? 0 : eps / 5.0 + (1 - eps) * soft[k];
        }
        sampler.sample(batch.logits, batch.invalid, eps, temp, s, 0, batch.actions, null);
        int[] counts = new int[x.length];
        for (int a : batch.actions.toArray()) {
          counts[a]++;
        }
        // 4 degrees of freedom: P(chi2 > 30) ~ 5e-6, so a correct sampler passes at any fixed seed
        // with overwhelming odds, while a 1% error in one probability (~ +60) fails.
        double chi = chiSquare(counts, p, rows);
        assertTrue(chi < 30, "chi-square " + chi + " for eps=" + eps + " T=" + temp + " counts " + Arrays.toString(counts));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void logProbIsThePolicyLogSoftmaxWhateverTheExploration(Backend backend) {
    Random rng = new Random(9);
    Sampler sampler = new Sampler(11, backend);
    try (Batch batch = Batch.random(rng, 500, 9)) {
      float[] x = batch.logits.toArray();
      byte[] mask = batch.invalid.toArray();
      sampler.sample(batch.logits, batch.invalid, 0.5f, 3f, 1, 2, batch.actions, batch.logProb);
      int[] actions = batch.actions.toArray();
      float[] logProb = batch.logProb.toArray();
      for (int b = 0; b < 500; b++) {
        float[] row = Arrays.copyOfRange(x, b * 9, b * 9 + 9);
        byte[] rowMask = Arrays.copyOfRange(mask, b * 9, b * 9 + 9);
        boolean padding = true;
        for (byte m : rowMask) {
          padding &= m != 0;
        }
        if (padding) {
          assertEquals(0, actions[b]);
          assertEquals(0f, logProb[b]);
          continue;
        }
        assertEquals(0, rowMask[actions[b]], "sampled a forbidden action");
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 9; k++) {
          if (rowMask[k] == 0) {
            max = Math.max(max, row[k]);
          }
        }
        double sum = 0;
        for (int k = 0; k < 9; k++) {
          if (rowMask[k] == 0) {
            sum += Math.exp(row[k] - max);
          }
        }
        double expected = row[actions[b]] - max - Math.log(sum);
        assertEquals(expected, logProb[b], 1e-5 * Math.max(1, Math.abs(expected)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void drawsDependOnSeedStepSlotAndRowOnly(Backend backend) {
    Random rng = new Random(4);
    try (Batch big = Batch.random(rng, 400, 50)) {
      Sampler s = new Sampler(123, backend);
      s.sample(big.logits, big.invalid, 0.1f, 1f, 17, 3, big.actions, null);
      int[] first = big.actions.toArray();
      s.sample(big.logits, big.invalid, 0.1f, 1f, 17, 3, big.actions, null);
      assertArrayEquals(first, big.actions.toArray(), "same seed, step and slot reproduce");
      int threads = org.gfn4j.runtime.NativeLibrary.numThreads();
      try {
        org.gfn4j.runtime.NativeLibrary.setNumThreads(threads == 1 ? 2 : 1);
        s.sample(big.logits, big.invalid, 0.1f, 1f, 17, 3, big.actions, null);
        assertArrayEquals(first, big.actions.toArray(), "another thread count draws the same");
      } finally {
        org.gfn4j.runtime.NativeLibrary.setNumThreads(threads);
      }
      try (FloatTensor x = big.logits.view(0, 100, 50); ByteTensor m = big.invalid.view(0, 100, 50);
          IntTensor a = IntTensor.allocate(100)) {
        s.sample(x, m, 0.1f, 1f, 17, 3, a, null);
        assertArrayEquals(Arrays.copyOf(first, 100), a.toArray(), "a row's draw does not depend on the batch size");
      }
      s.sample(big.logits, big.invalid, 0.1f, 1f, 18, 3, big.actions, null);
      assertFalse(Arrays.equals(first, big.actions.toArray()), "another step draws anew");
      s.sample(big.logits, big.invalid, 0.1f, 1f, 17, 4, big.actions, null);
      assertFalse(Arrays.equals(first, big.actions.toArray()), "another slot draws anew");
      new Sampler(124, backend).sample(big.logits, big.invalid, 0.1f, 1f, 17, 3, big.actions, null);
      assertFalse(Arrays.equals(first, big.actions.toArray()), "another seed draws anew");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badArgumentsThrowAndWriteNothing(Backend backend) {
    Sampler s = new Sampler(1, backend);
    try (Batch ok = new Batch(new float[] {0, 1, 2, 3}, new byte[4], 2, 2);
        Batch nan = new Batch(new float[] {0, 1, Float.NaN, 3}, new byte[4], 2, 2);
        Batch allMinusInf = new Batch(new float[] {0, 1, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
            new byte[4], 2, 2);
        IntTensor wrong = IntTensor.allocate(3)) {
      ok.actions.fill(-5);
      Class<IllegalArgumentException> bad = IllegalArgumentException.class;
      assertThrows(bad, () -> s.sample(ok.logits, ok.invalid, 1.5f, 1f, 0, 0, ok.actions, null));
      assertThrows(bad, () -> s.sample(ok.logits, ok.invalid, Float.NaN, 1f, 0, 0, ok.actions, null));
      assertThrows(bad, () -> s.sample(ok.logits, ok.invalid, 0f, 0f, 0, 0, ok.actions, null));
      assertThrows(bad, () -> s.sample(ok.logits, ok.invalid, 0f, Float.POSITIVE_INFINITY, 0, 0, ok.actions, null));
      assertThrows(bad, () -> s.sample(ok.logits, ok.invalid, 0f, 1f, 0, -1, ok.actions, null));
      assertThrows(bad, () -> s.sample(ok.logits, ok.invalid, 0f, 1f, 0, 0, wrong, null));
      assertThrows(bad, () -> s.sample(ok.logits, nan.invalid.view(0, 4), 0f, 1f, 0, 0, ok.actions, null));
      assertArrayEquals(new int[] {-5, -5}, ok.actions.toArray());
      nan.actions.fill(-5);
      assertThrows(bad, () -> s.sample(nan.logits, nan.invalid, 0f, 1f, 0, 0, nan.actions, null));
      assertArrayEquals(new int[] {-5, -5}, nan.actions.toArray(), "nothing written on error");
      assertThrows(bad, () -> s.sample(allMinusInf.logits, allMinusInf.invalid, 0f, 1f, 0, 0, allMinusInf.actions, null));
    }
    FloatTensor closed = FloatTensor.allocate(2, 2);
    closed.close();
    try (ByteTensor m = ByteTensor.allocate(2, 2); IntTensor a = IntTensor.allocate(2)) {
      assertThrows(IllegalStateException.class, () -> s.sample(closed, m, 0f, 1f, 0, 0, a, null));
    }
  }
}
