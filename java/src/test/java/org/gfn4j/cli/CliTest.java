package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CLI contract: JSON and line outputs, and exit code 2 with one clear message on bad input. */
class CliTest {
  record Result(int code, String out, String err) {}

  static Result run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Every key appears in {@code gfn4j train --list-settings}. */
  static void assertSettingsListed(String... keys) {
    Result r = run("", "train", "--list-settings");
    assertEquals(0, r.code(), r.err());
    for (String key : keys) {
      assertTrue(r.out().contains(key), key + " in --list-settings");
    }
  }

  /**
   * {@code gfn4j train ARGS --set S --out DIR} exits with code 2, no stack trace and nothing
   * written, for each setting S of {@code bad}.
   */
  static void assertBadSettingsExit2(java.nio.file.Path tmp, String[] bad, String... args) {
    for (String set : bad) {
      java.nio.file.Path out = tmp.resolve("bad" + Math.abs(set.hashCode()));
      java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("train"));
      all.addAll(java.util.List.of(args));
      all.addAll(java.util.List.of("--set", set, "--out", out.toString()));
      Result r = run("", all.toArray(new String[0]));
      assertEquals(2, r.code(), set + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertFalse(java.nio.file.Files.exists(out), "nothing written for " + set);
    }
  }

  @Test
  void exactPrintsOneJsonObjectWithFullPrecision() {
    Result r = run("", "exact", "--env", "hypergrid:dim=4,side=20,reward=hard");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
    assertEquals(9.285819, o.get("log_z").getAsDouble(), 1e-6);
    assertEquals(160000, o.get("num_terminal").getAsLong());
    assertEquals(Math.log(10784), o.get("log_z").getAsDouble(), 1e-12, "full double precision");
    assertTrue(o.has("mean_reward"));
  }

  @Test
  void rewardPrintsOneLogRewardPerLine() {
    Result r = run("3,3,3,3\n0,0,0,0\n5,0,0,0\n", "reward", "--env", "hypergrid");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().trim().split("\n");
    assertEquals(3, lines.length);
    assertEquals(Math.log(2.501), Double.parseDouble(lines[0]), 0.0);
    assertEquals(Math.log(0.501), Double.parseDouble(lines[1]), 0.0);
    assertEquals(Math.log(0.001), Double.parseDouble(lines[2]), 0.0);
  }

  @Test
  void malformedRewardLineNamesItsLineNumber() {
    Result r = run("3,3,3,3\n1,2,x,4\n", "reward", "--env", "hypergrid:dim=4,side=20");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("line 2"), r.err());
    assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
    Result range = run("0,0,0,20\n", "reward");
    assertEquals(2, range.code());
    assertTrue(range.err().contains("line 1") && range.err().contains("outside [0, 19]"), range.err());
  }

  @Test
  void badSpecsAndUnknownOptionsExitWithCode2() {
    for (String[] args : new String[][] {
      {"exact", "--env", "hypergrid:dim=4,bogus=1"},
      {"exact", "--env", "nope"},
      {"exact", "--env", "hypergrid:side=x"},
      {"exact", "--no-such-option"},
      {"no-such-command"}
    }) {
      Result r = run("", args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().isBlank());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
  }

  @Test
  void envsListsHypergridWithItsParameters() {
    Result r = run("", "envs");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("hypergrid"));
    for (String key : new String[] {"dim", "side", "reward", "r0", "r1", "r2"}) {
      assertTrue(r.out().contains(key), key);
    }
  }
}
