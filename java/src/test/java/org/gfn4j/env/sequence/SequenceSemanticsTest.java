package org.gfn4j.env.sequence;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;

/** gfnx's sequence semantics, checked on hand-worked transitions, for both backends. */
class SequenceSemanticsTest {
  /** Applies forward actions to one fresh state; returns cells and the last log reward. */
  static int[] play(Environment env, float[] lastLogR, boolean[] terminal, int... actions) {
    try (StateBatch s = env.newBatch(1);
        StateBatch n = env.newBatch(1);
        IntTensor a = IntTensor.allocate(1);
        FloatTensor r = FloatTensor.allocate(1)) {
      env.reset(s);
      for (int act : actions) {
        a.set(0, act);
        env.step(s, a, n, r);
        s.copyFrom(n);
      }
      if (lastLogR != null) {
        lastLogR[0] = r.get(0);
      }
      if (terminal != null) {
        terminal[0] = s.isTerminal(0);
      }
      return s.cells(0);
    }
  }

  /** One-hot features of a state: the positions of the ones, as position·classes + token. */
  static int[] hot(Environment env, int[] cells) {
    assertFalse(env.observationSpec().isTokens());
    try (StateBatch s = env.newBatch(1); FloatTensor obs = FloatTensor.allocate(1, env.observationSize())) {
      env.setState(s, 0, cells, false);
      env.observe(s, obs);
      float[] o = obs.toArray();
      return java.util.stream.IntStream.range(0, o.length).filter(i -> o[i] != 0f).peek(i -> assertEquals(1f, o[i]))
          .toArray();
    }
  }

  static int[] observe(Environment env, int[] cells, boolean terminal) {
    assertTrue(env.observationSpec().isTokens());
    try (StateBatch s = env.newBatch(1); IntTensor obs = IntTensor.allocate(1, env.observationSize())) {
      env.setState(s, 0, cells, terminal);
      env.observe(s, obs);
      return obs.toArray();
    }
  }

  @Test
  void bitseqHasGfnxShapesTokenIdsAndObservations() {
    for (Backend backend : Backend.values()) {
      Environment env = Environments.create("bitseq", backend);
      assertEquals(3840, env.numActions());
      assertEquals(15, env.numBackwardActions());
      assertEquals(15, env.maxSteps());
      assertEquals(16, env.observationSize());
      // set word 3 to 0b10100101 (165), then word 0 to 7
      int[] cells = play(env, null, null, 3 * 256 + 165, 7);
      int[] expected = new int[15];
      Arrays.fill(expected, 256);
      expected[3] = 165;
      expected[0] = 7;
      assertArrayEquals(expected, cells);
      int[] obs = observe(env, cells, false);
      assertEquals(257, obs[0], "BOS = 257");
      assertArrayEquals(expected, Arrays.copyOfRange(obs, 1, 16));
      try (StateBatch s = env.newBatch(1); ByteTensor m = ByteTensor.allocate(1, 3840);
          ByteTensor bm = ByteTensor.allocate(1, 15)) {
        env.setState(s, 0, cells, false);
        env.forwardMask(s, m);
        env.backwardMask(s, bm);
        for (int a = 0; a < 3840; a++) {
          assertEquals(a / 256 == 0 || a / 256 == 3 ? 1 : 0, m.get(a), "forward mask at " + a);
        }
        for (int p = 0; p < 15; p++) {
          assertEquals(p == 0 || p == 3 ? 0 : 1, bm.get(p), "backward mask at " + p);
        }
      }
    }
  }

  @Test
  void tfbindAppendsAndTerminatesWithTheTableReward() {
    String spec = "tfbind8:table=" + SequenceFixtures.tfbindTable();
    double maxCube = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 1 << 16; i++) {
      double y = SequenceFixtures.tfbindY(i);
      maxCube = Math.max(maxCube, y * y * y);
    }
    for (Backend backend : Backend.values()) {
      Environment env = Environments.create(spec, backend);
      assertEquals(4, env.numActions());
      assertEquals(1, env.numBackwardActions());
      float[] r = new float[1];
      boolean[] term = new boolean[1];
      int[] cells = play(env, r, term, 2, 0, 3, 3, 1, 0, 2, 1); // GATTCAGC
      assertTrue(term[0]);
      assertEquals("GATTCAGC", env.formatObject(cells));
      int index = 0;
      for (int c : cells) {
        index = index * 4 + c;
      }
      double y = SequenceFixtures.tfbindY(index);
      double expected = Math.log(Math.max(1e-3, 10 * y * y * y / maxCube));
      assertEquals((float) expected, r[0], 0f);
      assertEquals(expected, env.logRewards(env.parseObject("GATTCAGC"), 1)[0], 1e-12);
      assertEquals(40, env.observationSize(), "gfnx's one_hot(tokens, 5)");
      assertArrayEquals(new int[] {1, 5 + 2}, hot(env, play(env, null, null, 1, 2)), "PAD = 6 is a zero block");
      Environment tokens = Environments.create(spec + ",obs=tokens", backend);
      assertArrayEquals(new int[] {4, 1, 2, 6, 6, 6, 6, 6, 6}, observe(tokens, play(tokens, null, null, 1, 2), false),
          "gfnx's token observation: BOS = 4, PAD = 6");
    }
  }

  @Test
  void qm9PrependsAndAppendsAndRemovesFromEitherEnd() {
    String spec = "qm9:table=" + SequenceFixtures.qm9Table();
    for (Backend backend : Backend.values()) {
      Environment env = Environments.create(spec, backend);
      assertEquals(22, env.numActions());
      assertEquals(2, env.numBackwardActions());
      // append 5, prepend 9, append 10, prepend 0
      int[] cells = play(env, null, null, 11 + 5, 9, 11 + 10, 0);
      assertArrayEquals(new int[] {0, 9, 5, 10, 13}, cells);
      assertEquals(70, env.observationSize(), "gfnx's one_hot(tokens, 14)");
      assertArrayEquals(new int[] {0, 14 + 9, 28 + 5, 42 + 10, 56 + 13}, hot(env, cells), "PAD = 13 has its class");
      assertArrayEquals(new int[] {11, 0, 9, 5, 10, 13},
          observe(Environments.create(spec + ",obs=tokens", backend), cells, false), "BOS = 11, PAD = 13");
      assertThrows(IllegalArgumentException.class, () -> Environments.create(spec + ",obs=pixels", backend));
      try (StateBatch s = env.newBatch(2); StateBatch p = env.newBatch(2); IntTensor a = IntTensor.of(new int[] {0, 1}, 2);
          ByteTensor done = ByteTensor.allocate(2); IntTensor redo = IntTensor.allocate(2)) {
        env.setState(s, 0, cells, false);
        env.setState(s, 1, cells, false);
        env.backwardStep(s, a, p, done);
        assertArrayEquals(new int[] {9, 5, 10, 13, 13}, p.cells(0), "backward 0 removes the first block");
        assertArrayEquals(new int[] {0, 9, 5, 13, 13}, p.cells(1), "backward 1 removes the last block");
        env.forwardActions(s, a, p, redo);
        assertArrayEquals(new int[] {0, 11 + 10}, redo.toArray());
      }
      float[] r = new float[1];
      boolean[] term = new boolean[1];
      int[] full = play(env, r, term, 11 + 5, 9, 11 + 10, 0, 11 + 1);
      assertTrue(term[0]);
      assertEquals("095a1", env.formatObject(full));
      assertEquals((float) env.logRewards(env.parseObject("095a1"), 1)[0], r[0], 0f);
    }
  }

  @Test
  void ampStopsWithEosAndObservesItsTrailingToken() {
    for (Backend backend : Backend.values()) {
      Environment env = Environments.create("amp:length=3,proxy=" + SequenceFixtures.ampProxy(3), backend);
      assertEquals(21, env.numActions());
      assertEquals(4, env.observationSize());
      boolean[] term = new boolean[1];
      float[] r = new float[1];
      int[] stopped = play(env, r, term, 4, 20);
      assertTrue(term[0]);
      assertArrayEquals(new int[] {4, 21, 22}, stopped, "EOS = 21 after the letters, then PAD = 22");
      assertEquals("C", env.formatObject(stopped));
      assertArrayEquals(new int[] {4, 21, 22, 22}, observe(env, stopped, true), "trailing PAD after EOS");
      assertArrayEquals(new int[] {4, 22, 22, 22}, observe(env, play(env, null, null, 4), false));
      int[] full = play(env, null, term, 0, 1, 2);
      assertTrue(term[0], "full length terminates without EOS");
      assertArrayEquals(new int[] {0, 1, 2, 21}, observe(env, full, true), "trailing EOS after a full sequence");
      int[] empty = play(env, null, term, 20);
      assertTrue(term[0], "the empty sequence is allowed");
      assertArrayEquals(new int[] {21, 22, 22}, env.parseObject(""));
      assertArrayEquals(empty, env.parseObject(""));
      assertThrows(IllegalArgumentException.class, () -> env.parseObject("ARNX"));
      assertThrows(IllegalArgumentException.class, () -> env.parseObject("AB"));
    }
  }

  @Test
  void objectTextRejectsWrongLengthsAndIllegalLetters() {
    Environment bits = Environments.create("bitseq:n=8,k=4,num_modes=2", Backend.JAVA);
    assertArrayEquals(new int[] {0b1010, 0b0011}, bits.parseObject("10100011"));
    assertEquals("10100011", bits.formatObject(new int[] {0b1010, 0b0011}));
    for (String bad : new String[] {"1010001", "101000111", "1010002a"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bits.parseObject(bad));
      assertFalse(e.getMessage().isBlank());
    }
    Environment qm9 = Environments.create("qm9:table=" + SequenceFixtures.qm9Table(), Backend.JAVA);
    assertThrows(IllegalArgumentException.class, () -> qm9.parseObject("0000"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> qm9.parseObject("000b0"));
    assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("position 3"), e.getMessage());
  }

  @Test
  void rewardsAreScoredOnlyForNewlyTerminalRowsInABatch() {
    String spec = "tfbind8:table=" + SequenceFixtures.tfbindTable();
    for (Backend backend : Backend.values()) {
      Environment env = Environments.create(spec, backend);
      try (StateBatch s = env.newBatch(3); StateBatch n = env.newBatch(3); IntTensor a = IntTensor.allocate(3);
          FloatTensor r = FloatTensor.allocate(3)) {
        int[] seven = {0, 1, 2, 3, 0, 1, 2, 6};
        int[] full = {3, 3, 3, 3, 3, 3, 3, 3};
        env.setState(s, 0, seven, false);
        env.setState(s, 1, full, true);
        env.setState(s, 2, seven, false);
        a.copyFrom(new int[] {1, 0, 3});
        env.step(s, a, n, r);
        assertEquals((float) env.logRewards(env.parseObject("ACGTACGC"), 1)[0], r.get(0), 0f);
        assertEquals(0f, r.get(1), "padding row");
        assertEquals((float) env.logRewards(env.parseObject("ACGTACGT"), 1)[0], r.get(2), 0f);
        assertTrue(n.isPad(1) && !n.isPad(0));
      }
    }
  }
}
