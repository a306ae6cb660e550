package org.gfn4j.env;

import org.gfn4j.runtime.Backend;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import org.gfn4j.env.hypergrid.HypergridConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Hypergrid facts from gfnx: reward regions, exact partition functions, spec handling. */
class HypergridTest {
  @ParameterizedTest
  @EnumSource(Backend.class)
  void rewardRegionsFollowGfnx(Backend backend) {
    Environment env = Environments.create("hypergrid:dim=4,side=20", backend);
    // a = |s/19 - 0.5|: s=0 -> 0.5 (ring, not band), s=3 -> 0.342 (band), s=5 -> 0.237 (neither)
    double[] logR = env.logRewards(new int[] {0, 0, 0, 0, 3, 3, 16, 17, 5, 0, 0, 0, 3, 3, 3, 0}, 4);
    assertEquals(Math.log(1e-3 + 0.5), logR[0], 1e-15);
    assertEquals(Math.log(1e-3 + 0.5 + 2.0), logR[1], 1e-15);
    assertEquals(Math.log(1e-3), logR[2], 1e-15);
    assertEquals(Math.log(1e-3 + 0.5), logR[3], 1e-15);
  }

  @ParameterizedTest
  @CsvSource({
    "'hypergrid:dim=4,side=20,reward=easy', 8.643297, 0.713537, 160000",
    "'hypergrid:dim=4,side=20,reward=hard', 9.285819, 1.283583, 160000",
    "'hypergrid:dim=2,side=10', 3.261935, 1.266364, 100",
    "'hypergrid:dim=2,side=5', 0.705570, 0.495815, 25"
  })
  void exactValuesMatchTheGfnxReference(String spec, double logZ, double meanReward, long count) {
    ClosedForm closed = Environments.create(spec).closedForm().orElseThrow();
    assertEquals(logZ, closed.logZ(), 1e-6);
    assertEquals(meanReward, closed.meanReward(), 1e-6);
    assertEquals(BigInteger.valueOf(count), closed.terminalCount());
    StateSpace space = StateSpace.enumerate(Environments.create(spec));
    assertEquals(count, space.numTerminalStates());
    assertEquals(closed.meanReward(), Math.exp(Math.log(java.util.Arrays.stream(space.terminalLogRewards())
        .map(v -> Math.exp(2 * v)).sum()) - closed.logZ()), 1e-9);
  }

  @Test
  void rewardIsFlooredAtOneMillionth() {
    StateSpace env = StateSpace.enumerate(Environments.create("hypergrid:dim=3,side=4,r0=0,r1=0,r2=0"));
    assertEquals(Math.log(64 * 1e-6), env.logZ(), 1e-12);
    for (double v : env.terminalLogRewards()) {
      assertEquals(Math.log(1e-6), v, 0.0);
    }
  }

  @Test
  void closedFormLogZWorksBeyondEnumeration() {
    Environment grid = Environments.create("hypergrid:dim=200,side=64");
    ClosedForm env = grid.closedForm().orElseThrow();
    assertTrue(Double.isFinite(env.logZ()));
    assertEquals(BigInteger.valueOf(64).pow(200), env.terminalCount());
    assertFalse(StateSpace.mayFit(grid, StateSpace.DEFAULT_MAX_STATES));
    assertThrows(IllegalArgumentException.class, () -> StateSpace.enumerate(grid));
  }

  @Test
  void canonicalSpecSpellsOutDefaults() {
    assertEquals("hypergrid:dim=4,side=20,reward=easy", Environments.create("hypergrid").spec().toString());
    assertEquals("hypergrid:dim=2,side=64,r0=0.01,r1=0.5,r2=2.0",
        Environments.create("hypergrid:dim=2,side=64,r0=0.01,r1=0.5,r2=2.0").spec().toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hypergrid:dim=0|'dim' must be in",
        "hypergrid:side=1|'side' must be in",
        "hypergrid:dim=x|'dim' must be an integer",
        "hypergrid:foo=1|unknown key 'foo'",
        "hypergrid:reward=medium|'reward' must be easy, hard or custom",
        "hypergrid:r0=Infinity|'r0' must be finite",
        "hypergrid:dim=4,dim=5|duplicate key 'dim'",
        "hypergrid:dim|malformed pair 'dim'",
        "grid:dim=2|unknown environment 'grid'",
        "hypergrid:|no key=value pairs",
        "hypergrid:dim=2000,side=4000|'dim' must be in"
      })
  void badSpecsNameTheProblem(String spec, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Environments.create(spec));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void objectsParseAndRejectOutOfRangeCoordinates() {
    Environment env = Environments.create("hypergrid:dim=4,side=20");
    assertArrayEquals(new int[] {3, 0, 19, 7}, env.parseObject(" 3,0,19,7 "));
    assertEquals("3,0,19,7", env.formatObject(new int[] {3, 0, 19, 7}));
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("3,0,20,7"));
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("3,0,19"));
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("3,0,a,7"));
    assertThrows(IllegalArgumentException.class, () -> env.logRewards(new int[] {0, 0, 0, -1}, 1));
  }

  @Test
  void regionsUseFloat32ArithmeticLikeGfnx() {
    // H = 11: in float32 |8/10 - 0.5| is exactly 0.3f (not in the band) and |9/10 - 0.5| is
    // 0.39999998f (in it); float64 would decide both the other way round.
    HypergridConfig c = new HypergridConfig(1, 11, 1e-3, 0.5, 2.0, "easy");
    assertFalse(c.inBand(8));
    assertTrue(c.inBand(9));
    assertTrue(c.inRing(8) && c.inRing(9));
  }
}
