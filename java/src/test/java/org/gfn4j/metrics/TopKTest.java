package org.gfn4j.metrics;

import org.gfn4j.env.ObjectDistance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopKTest {
  final double[] rewards = {1, 5, 3, 5, 2};
  final int[] cells = {0, 0, 1, 1, 1, 0, 0, 0, 2, 2};

  @Test
  void meanRewardAndPairwiseDistanceOfTheBest() {
    Map<String, Double> m = TopK.compute(rewards, cells, 2, new int[] {2, 3}, ObjectDistance.HAMMING);
    assertEquals(List.of("top_2_reward", "top_3_reward", "top_2_diversity", "top_3_diversity"),
        List.copyOf(m.keySet()));
    assertEquals(5.0, m.get("top_2_reward"));
    assertEquals(13.0 / 3, m.get("top_3_reward"), 1e-15);
    // Top 2 = objects 1 (1,1) and 3 (0,0): Hamming 2, counted twice over 2·1 pairs.
    assertEquals(2.0, m.get("top_2_diversity"));
    // Top 3 adds object 2 (1,0), at distance 1 from both: 2·(1 + 1 + 2) / (3·2).
    assertEquals(4.0 / 3, m.get("top_3_diversity"), 1e-15);
  }

  @Test
  void defaultsAreTenFiftyHundredWithHamming() {
    int n = 100;
    double[] r = new double[n];
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
      c[i] = i % 2;
    }
    Map<String, Double> m = TopK.compute(r, c, 1);
    assertEquals(6, m.size());
    assertEquals(94.5, m.get("top_10_reward"), 1e-12);
    assertEquals(49.5, m.get("top_100_reward"), 1e-12);
    // Ten objects, five of each cell value: 2·25 differing pairs over 90.
    assertEquals(50.0 / 90, m.get("top_10_diversity"), 1e-15);
  }

  @Test
  void kMustFitTheSample() {
    assertThrows(IllegalArgumentException.class,
        () -> TopK.compute(rewards, cells, 2, new int[] {6}, ObjectDistance.HAMMING));
    assertThrows(IllegalArgumentException.class,
        () -> TopK.compute(rewards, cells, 2, new int[] {0}, ObjectDistance.HAMMING));
    assertThrows(IllegalArgumentException.class, () -> TopK.compute(rewards, new int[9], 2));
    assertTrue(Double.isNaN(
        TopK.compute(rewards, cells, 2, new int[] {1}, ObjectDistance.HAMMING).get("top_1_diversity")));
  }

  @Test
  void logRewardsGiveTheSameRankingAndMeansAndStayFiniteBeyondTheDoubleRange() {
    double[] logR = Arrays.stream(rewards).map(Math::log).toArray();
    Map<String, Double> m = TopK.fromLogRewards(logR, cells, 2, new int[] {2, 3}, ObjectDistance.HAMMING);
    assertEquals(Math.log(13.0 / 3), m.get("top_3_log_reward"), 1e-12);
    assertEquals(13.0 / 3, m.get("top_3_reward"), 1e-12);
    assertEquals(4.0 / 3, m.get("top_3_diversity"), 1e-15);
    // Phylogenetics-sized log rewards: exp overflows, the log of the mean does not.
    double[] huge = {1400.0, 1450.0, 1449.0, 1000.0, 1450.0};
    Map<String, Double> h = TopK.fromLogRewards(huge, cells, 2, new int[] {2, 3}, ObjectDistance.HAMMING);
    assertEquals(1450.0, h.get("top_2_log_reward"), 1e-12);
    double expected3 = 1450.0 + Math.log((2 + Math.exp(-1.0)) / 3);
    assertEquals(expected3, h.get("top_3_log_reward"), 1e-12);
    assertFalse(h.containsKey("top_3_reward"), "a mean reward beyond the double range is left out, not Infinity");
    assertTrue(h.values().stream().allMatch(v -> Double.isFinite(v)), h.toString());
    assertEquals(5.0 / 3, h.get("top_3_diversity"), 1e-15, "objects 1, 4 and 2 are the top 3");
  }
}
