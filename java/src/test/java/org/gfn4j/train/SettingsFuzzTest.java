package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * --set values, config.json and state.json from random and hostile input: accepted values
 * survive a round trip, everything else is an IllegalArgumentException with a short printable
 * message.
 */
class SettingsFuzzTest {
  private static final String[] KEYS = Arrays.stream(TrainKey.values()).map(TrainKey::key).toArray(String[]::new);

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.of("true", "false", "adam", "adamw", "relu", "tb", "uniform", "none", "hypergrid:dim=2,side=3",
            "1e-3", "0x10", "1f", "NaN", "-Infinity", "\u0663", "\uff11", " 7 ", "", "null", "{}", "2147483648"),
        Arbitraries.strings().ofMaxLength(60));
  }

  static void assertGoodMessage(IllegalArgumentException e) {
    String m = e.getMessage();
    assertNotNull(m);
    assertTrue(m.length() < 400, m);
    assertTrue(m.chars().allMatch(c -> c >= 0x20 && c < 0x7f), m);
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.of("HIDDEN", "eval-every", "nope", ""),
        Arbitraries.strings().ofMaxLength(30));
  }

  @Property(tries = 10_000)
  void aSetValueIsAcceptedAndRoundTripsOrIsRefused(@ForAll("keys") String key, @ForAll("values") String value) {
    TrainConfig c;
    try {
      c = TrainConfig.defaults().with(key, value);
    } catch (IllegalArgumentException e) {
      assertGoodMessage(e);
      return;
    }
    assertEquals(c, TrainConfig.fromJson(c.toJson()), "config.json round trip");
  }

  @Provide
  Arbitrary<String> configJson() {
    Arbitrary<String> json = Combinators.combine(Arbitraries.of(KEYS), values(), Arbitraries.of("\"", ""))
        .as((k, v, q) -> "\"" + k + "\": " + q + v.replace("\\", "\\\\").replace("\"", "\\\"") + q)
        .list().ofMaxSize(4).map(l -> "{" + String.join(", ", l) + "}");
    Arbitrary<String> mutated = Combinators.combine(json, Arbitraries.integers().between(0, 200),
        Arbitraries.chars()).as((j, at, ch) -> {
          StringBuilder sb = new StringBuilder(j);
          sb.insert(Math.min(at, sb.length()), ch);
          return sb.toString();
        });
    return Arbitraries.oneOf(json, mutated, Arbitraries.strings().ofMaxLength(60),
        Arbitraries.of("null", "[]", "{\"hidden\": null}", "{\"hidden\": {}}", "[[[[[[[[[[", "{\"a\":"));
  }

  @Property(tries = 10_000)
  void configJsonReadsOrIsRefused(@ForAll("configJson") String json) {
    try {
      TrainConfig c = TrainConfig.fromJson(json);
      assertEquals(c, TrainConfig.fromJson(c.toJson()));
    } catch (IllegalArgumentException e) {
      assertGoodMessage(e);
    }
  }

  @Provide
  Arbitrary<String> stateJson() {
    Arbitrary<String> num = Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf), Arbitraries.of("null", "\"x\"", "{}", "[]", "1e400", "-0.0"));
    Arbitrary<String> json = Combinators.combine(num, num, num, Arbitraries.of(true, false))
        .as((s, w, p, withPolicy) -> "{\"step\": " + s + ", \"wall_seconds\": " + w
            + (withPolicy ? ", \"policy_steps\": " + p : "") + "}");
    return Arbitraries.oneOf(json, Arbitraries.strings().ofMaxLength(80), Arbitraries.of("", "{}", "null"));
  }

  @Property(tries = 10_000)
  void stateJsonReadsOrIsRefused(@ForAll("stateJson") String json) {
    try {
      Checkpoints.State s = Checkpoints.parseState(json, "checkpoint/state.json");
      assertTrue(s.step() >= 0 && s.wallSeconds() >= 0 && Double.isFinite(s.wallSeconds()));
    } catch (IllegalArgumentException e) {
      assertGoodMessage(e);
      assertTrue(e.getMessage().startsWith("checkpoint/state.json"), e.getMessage());
    }
  }
}
