package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import org.gfn4j.env.Environments;
import org.junit.jupiter.api.Test;

/**
 * Settings are checked before any work: ranged integers with a range message, ASCII digits
 * only, short and printable echoes of bad input, typed config.json values, thread counts capped
 * at the cores, and an estimate of the run's memory that refuses what cannot fit.
 */
class SettingLimitsTest {
  private static IllegalArgumentException rejected(String key, String value) {
    return assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().with(key, value),
        key + "=" + value);
  }

  @Test
  void outOfRangeIntegersGetARangeMessage() {
    assertEquals("'hidden' must be an integer in [1, 2^31), got '99999999999'",
        rejected("hidden", "99999999999").getMessage());
    assertTrue(rejected("depth", "0").getMessage().contains("[1, 2^31)"));
    assertTrue(rejected("corr_objects", "-1").getMessage().contains("[0, 2^31)"));
    assertTrue(rejected("seed", "99999999999999999999").getMessage().contains("[-2^63, 2^63)"));
  }

  @Test
  void nonAsciiDigitsAndJavaNumberSyntaxAreRejected() {
    for (String v : new String[] {"\u0663", "\uff11\uff12", "1\u0660", "+\u0661"}) {
      assertTrue(rejected("batch", v).getMessage().contains("must be an integer"), v);
    }
    for (String v : new String[] {"1f", "1d", "0x1p3", "NaN", "Infinity", "\u0661.5", "1e999"}) {
      rejected("lr", v);
    }
    assertEquals("0.001", TrainConfig.defaults().with("lr", "0.001").get(TrainKey.LR));
    assertEquals(3, TrainConfig.defaults().with("batch", "+3").getInt(TrainKey.BATCH));
  }

  @Test
  void messagesQuoteAtMostEightyCharactersWithNonPrintablesEscaped() {
    String hostile = "9\u001b[31m" + "9".repeat(5000) + "\u00009";
    String m = rejected("batch", hostile).getMessage();
    assertTrue(m.length() < 200, m);
    assertTrue(m.contains("\\u001b[31m") && m.contains("(5008 characters)"), m);
    assertTrue(m.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "one printable line: " + m);
    String key = rejected("nope\n" + "k".repeat(300), "1").getMessage();
    assertTrue(key.length() < 200 && !key.contains("\n"), key);
  }

  @Test
  void threadsAreCappedAtTheCores() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(cores, TrainConfig.defaults().with("threads", Integer.toString(cores)).getInt(TrainKey.THREADS));
    assertTrue(rejected("threads", "100000").getMessage().contains("[1, " + cores + "]"));
    // a config.json from a larger machine still resumes, on the cores there are
    TrainConfig moved = TrainConfig.fromJson("{\"threads\": \"" + (cores + 7) + "\"}");
    assertEquals(cores, moved.getInt(TrainKey.THREADS));
  }

  @Test
  void configJsonValuesMustBeStringsOrNumbers() {
    for (String json : new String[] {"{\"hidden\": null}", "{\"hidden\": {\"a\": 1}}", "{\"hidden\": [1]}", "null",
        "[1, 2]", "\"text\"", "{\"hidden\": \"64\"} trailing", "{\"no_such\": 1}", "{\"hidden\": 1.5}"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.fromJson(json), json);
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().contains("null)"), e.getMessage());
    }
    assertEquals(64, TrainConfig.fromJson("{\"hidden\": 64, \"env\": \"hypergrid:dim=2,side=3\"}").getInt(TrainKey.HIDDEN));
  }

  private static IllegalArgumentException refused(String key, String value) {
    TrainConfig c = Presets.get("tb_hypergrid").with(key, value);
    return assertThrows(IllegalArgumentException.class, () -> TrainConfigs.validate(c, null), key + "=" + value);
  }

  @Test
  void runsThatCannotFitAreRefusedBeforeAnyAllocation() {
    long gib = 1L << 30;
    // on a 24 GiB machine with a 6 GiB heap (this project's build machine), whatever this one is
    for (String[] kv : new String[][] {{"env", "hypergrid:dim=4,side=2000"}, {"batch", "100000"},
        {"hidden", "1000000"}, {"depth", "100000"}, {"metric_buffer", "2000000000"}}) {
      TrainConfig c = Presets.get("tb_hypergrid").with(kv[0], kv[1]);
      var env = Environments.create(c.get(TrainKey.ENV));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ResourceCheck.check(c, env, 24 * gib, 6 * gib, 6 * gib), kv[0]);
      assertTrue(e.getMessage().startsWith("the run needs about"), e.getMessage());
    }
    for (String key : new String[] {"eval_rounds", "corr_objects"}) {
      assertTrue(refused(key, "2000000000").getMessage().contains("2^31"), key);
    }
    assertTrue(refused("hidden", "1000000").getMessage().contains("network parameters"));
  }

  @Test
  void everyPresetFitsASmallMachine() {
    long gib = 1L << 30;
    for (String name : Presets.names()) {
      TrainConfig c = withTestData(Presets.get(name));
      ResourceCheck.check(c, Environments.create(c.get(TrainKey.ENV)), 4 * gib, gib, gib);
    }
  }

  /** Data-backed presets with the test's own tables (the real ones are not in the source tree). */
  private static TrainConfig withTestData(TrainConfig c) {
    String family = org.gfn4j.env.EnvSpec.parse(c.get(TrainKey.ENV)).name();
    switch (family) {
      case "tfbind8":
        return c.with("env", "tfbind8:table=" + org.gfn4j.env.sequence.SequenceFixtures.tfbindTable());
      case "qm9":
        return c.with("env", "qm9:table=" + org.gfn4j.env.sequence.SequenceFixtures.qm9Table());
      default:
        return c;
    }
  }

  @Test
  void theEstimateGrowsWithEverySize() {
    TrainConfig base = Presets.get("db_hypergrid");
    var env = Environments.create(base.get(TrainKey.ENV));
    double before = total(base, env);
    for (String[] kv : new String[][] {{"batch", "64"}, {"hidden", "512"}, {"depth", "4"}, {"metric_buffer", "400000"},
        {"eval_rounds", "40"}, {"corr_objects", "256"}}) {
      assertTrue(total(base.with(kv[0], kv[1]), env) > before, kv[0]);
    }
  }

  private static double total(TrainConfig c, org.gfn4j.env.Environment env) {
    return ResourceCheck.estimate(c, env).stream().mapToDouble(ResourceCheck.Part::bytes).sum();
  }
}
