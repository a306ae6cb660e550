package org.gfn4j.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;

/**
 * Environment specs and object text from random and hostile input: each parses, or throws
 * IllegalArgumentException with a message; nothing else escapes, nothing hangs or crashes.
 */
class EnvTextFuzzTest {
  private static final List<Environment> GRIDS = List.of(Environments.create("hypergrid:dim=1,side=3"),
      Environments.create("hypergrid:dim=2,side=5"), Environments.create("hypergrid:dim=4,side=20"));

  static Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.strings().withChars("0123456789-+,:=. \t\u0660\u0663\uff11\u0000\u001be").ofMaxLength(40),
        Arbitraries.strings().ascii().ofMaxLength(200));
  }

  static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf),
        Arbitraries.integers().between(-3, 30).map(String::valueOf),
        Arbitraries.of("", " ", "1e3", "0x10", "\u0663", "NaN", "-0", "+4", "2147483648", "99999999999999999999"));
  }

  @Provide
  Arbitrary<String> specs() {
    Arbitrary<String> name = Arbitraries.of("hypergrid", "HyperGrid", " hypergrid ", "", "nope", "hyper grid", "h\u0000");
    Arbitrary<String> key = Arbitraries.of("dim", "side", "reward", "r0", "r1", "r2", "bogus", "", "DIM", "dim ");
    Arbitrary<String> value = Arbitraries.oneOf(numbers(), Arbitraries.of("easy", "hard", "standard", "", "=")
        , hostileText());
    Arbitrary<String> pair = Combinators.combine(key, value).as((k, v) -> k + "=" + v);
    Arbitrary<String> structured = Combinators.combine(name, pair.list().ofMaxSize(5), Arbitraries.of(":", "", "::"))
        .as((n, pairs, colon) -> n + colon + String.join(",", pairs));
    return Arbitraries.oneOf(structured, hostileText());
  }

  @Property(tries = 10_000)
  void anEnvironmentSpecCreatesAnEnvironmentOrThrowsIllegalArgument(@ForAll("specs") String spec) {
    try {
      EnvSpec.parse(spec);
      Environment e = Environments.create(spec);
      assertTrue(e.stateWidth() > 0);
    } catch (IllegalArgumentException expected) {
      assertNotNull(expected.getMessage());
    }
  }

  @Provide
  Arbitrary<String> objects() {
    Arbitrary<String> coordinate = numbers();
    Arbitrary<String> structured = coordinate.list().ofMaxSize(6).map(l -> String.join(",", l));
    return Arbitraries.oneOf(structured, hostileText());
  }

  @Property(tries = 10_000)
  void objectTextParsesToAValidObjectOrThrowsIllegalArgument(@ForAll("objects") String text) {
    for (Environment e : GRIDS) {
      int[] cells;
      try {
        cells = e.parseObject(text);
      } catch (IllegalArgumentException expected) {
        assertNotNull(expected.getMessage());
        continue;
      }
      assertEquals(e.stateWidth(), cells.length);
      assertArrayEquals(cells, e.parseObject(e.formatObject(cells)), "format and parse agree");
      double[] logR = e.logRewards(cells, 1);
      assertFalse(Double.isNaN(logR[0]), text);
    }
  }
}
