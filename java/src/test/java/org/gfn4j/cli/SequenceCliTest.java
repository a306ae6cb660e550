package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.gfn4j.env.sequence.SequenceFixtures;
import org.junit.jupiter.api.Test;

/** exact and reward on the sequence environments, and exit code 2 for bad specs, files and objects. */
class SequenceCliTest {
  @Test
  void exactAndRewardOnQm9AgreeWithTheTable() {
    Path table = SequenceFixtures.realQm9Table();
    assertNotNull(table, "the project's QM9 table (shared/data) is needed");
    Path data = table.getParent().getParent();
    CliTest.Result r = CliTest.run("", "exact", "--env", "qm9", "--data", data.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
    assertEquals(161_051, o.get("num_terminal").getAsLong());
    // computed independently (Python, float64) from block_qm9str_v1_s5.f32
    assertEquals(11.926701974595447, o.get("log_z").getAsDouble(), 1e-6 * 11.93);
    assertEquals(2.032138845934829, o.get("mean_reward").getAsDouble(), 1e-6 * 2.03);
    CliTest.Result rw = CliTest.run("00000\naaaaa\n", "reward", "--env", "qm9", "--data", data.toString());
    assertEquals(0, rw.code(), rw.err());
    String[] lines = rw.out().trim().split("\n");
    assertEquals(2, lines.length);
    assertEquals(1.0845797589684425, Double.parseDouble(lines[0]), 1e-6 * 1.08);
  }

  @Test
  void exactOnSmallBitseqWithAModesFileSumsOverAllStrings() {
    Path modes = SequenceFixtures.write("cli-modes.txt", "11110000\n00111100\n");
    CliTest.Result r = CliTest.run("", "exact", "--env", "bitseq:n=8,k=4,beta=3,modes=" + modes);
    assertEquals(0, r.code(), r.err());
    double z = 0;
    double z2 = 0;
    for (int x = 0; x < 256; x++) {
      int d = Math.min(Integer.bitCount(x ^ 0b11110000), Integer.bitCount(x ^ 0b00111100));
      double reward = Math.exp(-3.0 * d / 8);
      z += reward;
      z2 += reward * reward;
    }
    JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
    assertEquals(256, o.get("num_terminal").getAsLong());
    assertEquals(Math.log(z), o.get("log_z").getAsDouble(), 1e-12);
    assertEquals(z2 / z, o.get("mean_reward").getAsDouble(), 1e-12);
    CliTest.Result rw = CliTest.run("11110000\n11111111\n", "reward", "--env", "bitseq:n=8,k=4,modes=" + modes);
    assertEquals(0, rw.code(), rw.err());
    String[] lines = rw.out().trim().split("\n");
    assertEquals(0.0, Double.parseDouble(lines[0]), 0.0);
    assertEquals(-3.0 * 4 / 8, Double.parseDouble(lines[1]), 1e-15); // 4 bits from either mode
  }

  @Test
  void ampRewardsTheEmptyPeptide() {
    CliTest.Result rw = CliTest.run("\nARND\n", "reward", "--env", "amp");
    assertEquals(0, rw.code(), rw.err());
    assertEquals(2, rw.out().trim().split("\n").length);
  }

  @Test
  void badSpecsFilesAndObjectsExitWith2NamingTheProblem() {
    Path table = SequenceFixtures.tfbindTable();
    Path broken = SequenceFixtures.write("cli-tf.csv", "sequence,y\nACGTACGT,1\nACGTACGZ,2\n");
    String[][] cases = {
      {"", "ACGTACG", "exact", "--env", "tfbind8"},
      {"", "no such file", "exact", "--env", "tfbind8:table=/no/such.csv"},
      {"", "line 3", "exact", "--env", "tfbind8:table=" + broken},
      {"", "unknown key", "exact", "--env", "bitseq:n=8,k=4,bogus=1"},
      {"", "multiple of k", "exact", "--env", "bitseq:n=9,k=4"},
      {"", "too many to enumerate", "exact", "--env", "bitseq"},
      {"", "too many to enumerate", "exact", "--env", "amp"},
      {"ACGTACGT\nACGTAC\n", "line 2", "reward", "--env", "tfbind8:table=" + table},
      {"ACGTACGN\n", "illegal letter 'N'", "reward", "--env", "tfbind8:table=" + table},
      {"0000000011\n", "expected 8 bits", "reward", "--env", "bitseq:n=8,k=4"},
      {"ARNDZ\n", "illegal letter 'Z'", "reward", "--env", "amp"},
      {"", "no such file", "reward", "--env", "amp:proxy=/no/such.onnx"},
      {"", "no such file", "exact", "--env", "qm9:table=missing.f32"},
    };
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 2, c.length);
      CliTest.Result r = CliTest.run(c[0], args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      String first = c[1].equals("ACGTACG") ? "table=PATH" : c[1];
      assertTrue(r.err().contains(first), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
  }
}
