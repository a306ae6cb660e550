package org.gfn4j.env.sequence;

import static org.junit.jupiter.api.Assertions.*;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gfn4j.runtime.Backend;
import org.gfn4j.env.StateSpace;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.junit.jupiter.api.Test;

/** The reward modules against the definitions, computed here independently of the library code. */
class SequenceRewardTest {
  static int hamming(String a, String b) {
    int d = 0;
    for (int i = 0; i < a.length(); i++) {
      d += a.charAt(i) != b.charAt(i) ? 1 : 0;
    }
    return d;
  }

  static String bits(boolean[] x) {
    StringBuilder sb = new StringBuilder();
    for (boolean b : x) {
      sb.append(b ? '1' : '0');
    }
    return sb.toString();
  }

  @Test
  void generatedModesAreBlocksOfTheFivePatternsAndReproducibleFromTheSeed() {
    BitseqModes a = BitseqModes.generate(120, 60, 1);
    BitseqModes b = BitseqModes.generate(120, 60, 1);
    BitseqModes c = BitseqModes.generate(120, 60, 2);
    Set<String> patterns = Set.of("00000000", "11111111", "11110000", "00001111", "00111100");
    Set<String> distinct = new HashSet<>();
    boolean differs = false;
    for (int i = 0; i < 60; i++) {
      String m = bits(a.mode(i));
      assertEquals(m, bits(b.mode(i)));
      differs |= !m.equals(bits(c.mode(i)));
      for (int blk = 0; blk < 15; blk++) {
        assertTrue(patterns.contains(m.substring(blk * 8, blk * 8 + 8)), m);
      }
      distinct.add(m);
    }
    assertTrue(differs, "another seed gives another set");
    assertTrue(distinct.size() > 50, "modes are random draws");
  }

  @Test
  void testSetHoldsEachModeAndCopiesWithOneToNMinusOneFlippedBits() {
    BitseqModes modes = BitseqModes.generate(120, 60, 1);
    boolean[][] test = modes.testSet(2);
    assertEquals(7200, test.length);
    for (int i = 0; i < 60; i++) {
      String m = bits(modes.mode(i));
      for (int cnt = 0; cnt < 120; cnt++) {
        assertEquals(cnt, hamming(m, bits(test[i * 120 + cnt])), "mode " + i + " copy " + cnt);
      }
    }
  }

  @Test
  void bitseqDeclaresItsTestSetAndModeBall() {
    Environment env = Environments.create("bitseq", Backend.NATIVE);
    int[] test = env.testObjects().orElseThrow();
    assertEquals(7200 * 15, test.length);
    org.gfn4j.env.ModeSet modes = env.modes().orElseThrow();
    assertEquals(60, modes.modes().length);
    assertEquals(30.0, modes.threshold(), 0.0, "Hamming < 30 at n = 120");
    for (int i = 0; i < 60; i += 7) {
      for (int cnt = 0; cnt < 120; cnt += 13) {
        int[] x = Arrays.copyOfRange(test, (i * 120 + cnt) * 15, (i * 120 + cnt + 1) * 15);
        assertEquals(cnt, modes.distance().distance(x, modes.modes()[i]), 0.0, "bit distance of copy " + cnt);
      }
    }
    assertEquals(6.0, Environments.create("bitseq:n=24,k=8", Backend.NATIVE).modes().orElseThrow().threshold(), 0.0,
        "the ball scales with n");
  }

  @Test
  void bitseqRewardIsMinusBetaTimesNearestModeDistanceOverN() {
    List<String> modeLines = List.of("1111000011110000", "0000000000000000", "1010101010101010");
    Path file = SequenceFixtures.write("modes16.txt", String.join("\n", modeLines) + "\n");
    Random rng = new Random(4);
    for (Backend backend : Backend.values()) {
      Environment env = Environments.create("bitseq:n=16,k=4,beta=2.5,modes=" + file, backend);
      List<String> objects = new ArrayList<>(modeLines);
      for (int i = 0; i < 40; i++) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < 16; j++) {
          sb.append(rng.nextBoolean() ? '1' : '0');
        }
        objects.add(sb.toString());
      }
      int[] cells = new int[objects.size() * 4];
      for (int i = 0; i < objects.size(); i++) {
        System.arraycopy(env.parseObject(objects.get(i)), 0, cells, i * 4, 4);
      }
      double[] logR = env.logRewards(cells, objects.size());
      for (int i = 0; i < objects.size(); i++) {
        int best = 16;
        for (String m : modeLines) {
          best = Math.min(best, hamming(m, objects.get(i)));
        }
        assertEquals(-2.5 * best / 16.0, logR[i], 1e-15, objects.get(i));
      }
      assertEquals(0.0, logR[0], 0.0, "a mode has log R 0");
      StateSpace en = StateSpace.enumerate(env);
      assertEquals(1 << 16, en.numTerminalStates());
    }
  }

  @Test
  void badModesFilesNameTheirLine() {
    Path shortLine = SequenceFixtures.write("modes-bad.txt", "11110000\n1111000\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Environments.create("bitseq:n=8,k=4,modes=" + shortLine, Backend.NATIVE));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    Path letter = SequenceFixtures.write("modes-letter.txt", "1111x000\n");
    e = assertThrows(IllegalArgumentException.class,
        () -> Environments.create("bitseq:n=8,k=4,modes=" + letter, Backend.NATIVE));
    assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("'x'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Environments.create("bitseq:n=8,k=4,modes=/no/such/file", Backend.NATIVE));
    assertThrows(IllegalArgumentException.class, () -> Environments.create("bitseq:n=10,k=4", Backend.NATIVE));
  }

  @Test
  void malformedTFBindTablesNameTheProblemLine() {
    List<String> rows = new ArrayList<>();
    rows.add("sequence,y");
    for (int i = 0; i < 1 << 16; i++) {
      rows.add(SequenceFixtures.kmer(i) + "," + (i % 10));
    }
    String[][] cases = {
      {"header", "seq,y"},
      {"duplicate", null},
      {"letter", null},
      {"number", null},
      {"missing", null},
    };
    for (String[] c : cases) {
      List<String> r = new ArrayList<>(rows);
      String expect;
      switch (c[0]) {
        case "header":
          r.set(0, c[1]);
          expect = "line 1";
          break;
        case "duplicate":
          r.set(101, r.get(100));
          expect = "line 102";
          break;
        case "letter":
          r.set(50, "ACGTACGU,1");
          expect = "line 51";
          break;
        case "number":
          r.set(7, SequenceFixtures.kmer(6) + ",abc");
          expect = "line 8";
          break;
        default:
          r.remove(9);
          expect = "65535 of the 65536";
          break;
      }
      Path p = SequenceFixtures.write("tf-" + c[0] + ".csv", String.join("\n", r));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Environments.create("tfbind8:table=" + p, Backend.NATIVE), c[0]);
      assertTrue(e.getMessage().contains(expect), c[0] + ": " + e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Environments.create("tfbind8", Backend.NATIVE));
  }

  /** The real QM9 file read with plain streams: log Z and mean reward against the environment. */
  @Test
  void qm9ExactValuesMatchAnIndependentPassOverTheTable() throws IOException {
    Path table = SequenceFixtures.realQm9Table();
    Path file = table != null ? table : SequenceFixtures.qm9Table();
    double[] c = new double[161_051];
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      for (int i = 0; i < c.length; i++) {
        int bits = Integer.reverseBytes(in.readInt());
        c[i] = Math.max(Float.intBitsToFloat(bits), 1e-3);
      }
    }
    double max = Arrays.stream(c).max().orElseThrow();
    double z = 0;
    double z2 = 0;
    for (double v : c) {
      double r = 100 * Math.pow(v / max, 5);
      z += r;
      z2 += r * r;
    }
    for (Backend backend : Backend.values()) {
      Environment qm9 = Environments.create("qm9:table=" + file, backend);
      StateSpace en = StateSpace.enumerate(qm9);
      assertEquals(161_051, en.numTerminalStates());
      assertEquals(Math.log(z), en.logZ(), 1e-9 * Math.log(z));
      assertEquals(z2 / z, en.meanReward(), 1e-9 * z2 / z);
      int[] cells = en.terminalState(12_345);
      double expected = Math.log(100 * Math.pow(c[12_345] / max, 5));
      assertEquals(expected, qm9.logRewards(cells, 1)[0], 1e-12);
    }
  }

  @Test
  void ampRewardIsTheLogSigmoidOfTheProxyClippedAt1e6AndIndependentOfTheBatch() {
    assertEquals(Math.log(1 / (1 + Math.exp(-0.3))), AmpProxyReward.logReward(0.3), 1e-15);
    assertEquals(Math.log(1 / (1 + Math.exp(2.0))), AmpProxyReward.logReward(-2.0), 1e-15);
    assertEquals(Math.log(1e-6), AmpProxyReward.logReward(-40), 0.0);
    Environment env = Environments.create("amp", Backend.NATIVE);
    Random rng = new Random(1);
    int n = 37;
    int[] cells = new int[n * 60];
    for (int i = 0; i < n; i++) {
      int len = rng.nextInt(61);
      for (int j = 0; j < 60; j++) {
        cells[i * 60 + j] = j < len ? rng.nextInt(20) : (j == len ? 21 : 22);
      }
    }
    double[] all = env.logRewards(cells, n);
    for (int i = 0; i < n; i++) {
      assertTrue(all[i] <= 0 && all[i] >= Math.log(1e-6));
      double alone = env.logRewards(Arrays.copyOfRange(cells, i * 60, i * 60 + 60), 1)[0];
      assertEquals((float) alone, (float) all[i], 0f, "row " + i);
    }
    for (int m : new int[] {2, 5, 16}) {
      double[] part = env.logRewards(Arrays.copyOf(cells, m * 60), m);
      for (int i = 0; i < m; i++) {
        assertEquals((float) all[i], (float) part[i], 0f, "row " + i + " in a batch of " + m);
      }
    }
    Environment again = Environments.create("amp", Backend.JAVA);
    assertArrayEquals(all, again.logRewards(cells, n), 0.0, "the built-in proxy is deterministic");
  }
}
