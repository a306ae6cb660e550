package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** {@code exact} and {@code reward} for the permutation environment, against the definition. */
class PermutationsCliTest {
  @Test
  void exactGivesFactorialCountAndTheDocumentedLogZ() {
    CliTest.Result r = CliTest.run("", "exact", "--env", "permutations:n=8,t=2");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
    assertEquals(40320, o.get("num_terminal").getAsLong());
    assertEquals(11.2533, o.get("log_z").getAsDouble(), 5e-5);
    assertTrue(o.get("mean_reward").getAsDouble() > 1);
  }

  @Test
  void rewardIsFixedPointsOverTemperature() {
    CliTest.Result r = CliTest.run("0,1,2,3\n1,0,2,3\n3,2,1,0\n", "reward", "--env", "permutations:n=4,t=2");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().trim().split("\n");
    assertEquals(3, lines.length);
    assertEquals(2.0, Double.parseDouble(lines[0]), 1e-12);
    assertEquals(1.0, Double.parseDouble(lines[1]), 1e-12);
    assertEquals(0.0, Double.parseDouble(lines[2]), 1e-12);
  }

  @Test
  void objectsThatAreNotPermutationsExitWithCode2() {
    CliTest.Result twice = CliTest.run("0,1,2,3\n0,0,2,3\n", "reward", "--env", "permutations:n=4");
    assertEquals(2, twice.code());
    assertTrue(twice.err().contains("line 2") && twice.err().contains("twice"), twice.err());
    CliTest.Result range = CliTest.run("0,1,2,4\n", "reward", "--env", "permutations:n=4");
    assertEquals(2, range.code());
    assertFalse(range.err().contains("Exception"), range.err());
    assertEquals(2, CliTest.run("", "exact", "--env", "permutations:n=21").code());
    assertEquals(2, CliTest.run("", "exact", "--env", "permutations:n=5,t=0").code());
  }
}
