package org.gfn4j.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Philox4x32-10 against Random123's published known answers, on both backends, and its uniforms. */
class PhiloxTest {
  // Random123 (D. E. Shaw Research, github.com/DEShawResearch/random123), file tests/kat_vectors,
  // the three "philox4x32 10" lines: counter (4 words), key (2 words), expected output (4 words).
  private static final int[] COUNTERS = {
      0x00000000, 0x00000000, 0x00000000, 0x00000000,
      0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
      0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344};
  private static final int[] KEYS = {0x00000000, 0x00000000, 0xffffffff, 0xffffffff, 0xa4093822, 0x299f31d0};
  private static final int[] EXPECTED = {
      0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8,
      0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd,
      0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1};

  @ParameterizedTest
  @EnumSource(Backend.class)
  void matchesRandom123KnownAnswers(Backend backend) {
    assertArrayEquals(EXPECTED, Philox.blocks(backend, COUNTERS, KEYS));
  }

  @Test
  void backendsAgreeOnRandomBlocks() {
    Random rng = new Random(7);
    int[] counters = new int[4 * 5000];
    int[] keys = new int[2 * 5000];
    for (int i = 0; i < counters.length; i++) {
      counters[i] = rng.nextInt();
    }
    for (int i = 0; i < keys.length; i++) {
      keys[i] = rng.nextInt();
    }
    assertArrayEquals(Philox.blocks(Backend.JAVA, counters, keys), Philox.blocks(Backend.NATIVE, counters, keys));
  }

  @Test
  void drawIsTheDocumentedCounterAndKey() {
    long seed = 0x1234_5678_9abc_def0L;
    long step = 0x0000_0003_0000_0005L;
    int[] viaDraw = new int[4];
    Philox.draw(seed, step, 9, 42, viaDraw);
    int[] viaBlock = new int[4];
    Philox.block(new int[] {42, 9, 5, 3}, new int[] {0x9abc_def0, 0x1234_5678}, viaBlock);
    assertArrayEquals(viaBlock, viaDraw);
    int[] otherSlot = new int[4];
    Philox.draw(seed, step, 10, 42, otherSlot);
    assertNotEquals(viaDraw[0], otherSlot[0]);
  }

  @Test
  void uniformsCoverTheUnitIntervalAndStayBelowOne() {
    assertEquals(0.0f, Philox.uniform24(0));
    assertTrue(Philox.uniform24(-1) < 1.0f);
    assertEquals(1.0f - 0x1.0p-24f, Philox.uniform24(-1));
    assertEquals(0.0, Philox.uniform53(0, 0));
    assertEquals(1.0 - 0x1.0p-53, Philox.uniform53(-1, -1));
    double sum = 0;
    int[] w = new int[4];
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      Philox.draw(1, 0, 0, i, w);
      sum += Philox.uniform53(w[1], w[2]);
    }
    // mean of n uniforms: standard deviation sqrt(1/12n) ~ 6.5e-4
    assertEquals(0.5, sum / n, 4e-3);
  }

  @Test
  void detExpIsAccurate() {
    Random rng = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      double x = -700 * rng.nextDouble();
      double expected = StrictMath.exp(x);
      assertEquals(expected, DetMath.exp(x), 1e-15 * expected, "exp(" + x + ") within a few ulp");
    }
    assertEquals(1.0, DetMath.exp(0.0));
    assertEquals(0.0, DetMath.exp(Double.NEGATIVE_INFINITY));
    assertEquals(0.0, DetMath.exp(-800));
  }
}
