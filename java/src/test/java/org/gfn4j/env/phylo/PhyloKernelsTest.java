package org.gfn4j.env.phylo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.SharedData;
import org.gfn4j.env.StateBatch;
import org.gfn4j.runtime.Backend;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The phylogenetic-tree kernels, run on both backends by one suite: the incremental parsimony
 * cell equals the parsimony rebuilt from the leaves on every visited state, a forest has one
 * encoding whatever the merge order, splits invert merges, and bad actions or corrupt states
 * are refused before anything is written.
 */
class PhyloKernelsTest {
  private static Environment env(String spec, Backend backend) {
    return Environments.create(spec, backend, SharedData.root("phylo/DS1.json"));
  }

  private static int pair(int n, int i, int j) {
    return i * (2 * n - i - 1) / 2 + (j - i - 1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void incrementalParsimonyEqualsTheParsimonyRebuiltFromTheLeavesOnEveryState(Backend backend) {
    Environment e = env("phylo:dataset=DS1,sites=300", backend);
    int n = 6;
    Random rng = new Random(11);
    try (StateBatch s = e.newBatch(n);
        StateBatch next = e.newBatch(n);
        ByteTensor invalid = ByteTensor.allocate(n, e.numActions());
        IntTensor actions = IntTensor.allocate(n);
        FloatTensor logR = FloatTensor.allocate(n)) {
      e.reset(s);
      for (int t = 0; t < e.maxSteps(); t++) {
        e.forwardMask(s, invalid);
        for (int b = 0; b < n; b++) {
          int a;
          do {
            a = rng.nextInt(e.numActions());
          } while (invalid.get((long) b * e.numActions() + a) != 0);
          actions.set(b, a);
        }
        e.step(s, actions, next, logR);
        s.copyFrom(next);
        for (int row = 0; row < n; row++) {
          int b = row;
          // logRewards validates the cells: Fitch rows, merge count and parsimony recomputed from the trees.
          assertDoesNotThrow(() -> e.logRewards(s.cells(b), 1), backend + " b=" + b);
        }
      }
      for (int b = 0; b < n; b++) {
        assertTrue(s.isTerminal(b));
        int[] c = s.cells(b);
        assertArrayEquals(c, e.parseObject(e.formatObject(c)), "the Newick text rebuilds the same cells");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aForestHasOneEncodingWhateverTheMergeOrder(Backend backend) {
    Environment e = env("phylo:dataset=DS1,taxa=6,sites=20", backend);
    int n = 6;
    // Row 0 merges (0,1), (2,3), (0,2); row 1 merges (2,3), (0,1), (0,2): the same forest.
    int[][] orders = {{pair(n, 0, 1), pair(n, 2, 3), pair(n, 0, 2)}, {pair(n, 2, 3), pair(n, 0, 1), pair(n, 0, 2)}};
    try (StateBatch s = e.newBatch(2);
        StateBatch next = e.newBatch(2);
        IntTensor actions = IntTensor.allocate(2);
        FloatTensor logR = FloatTensor.allocate(2)) {
      e.reset(s);
      for (int t = 0; t < 3; t++) {
        actions.set(0, orders[0][t]);
        actions.set(1, orders[1][t]);
        e.step(s, actions, next, logR);
        s.copyFrom(next);
      }
      assertArrayEquals(s.cells(0), s.cells(1));
      assertEquals(n - 1 + 2, s.cells(0)[0], "the root of slot 0 is named by leaf 2, the smallest of its right tree");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badActionsAndCorruptStatesAreRefusedBeforeAnythingIsWritten(Backend backend) {
    Environment e = env("phylo:dataset=DS1,taxa=5,sites=13", backend);
    int n = 5;
    try (StateBatch s = e.newBatch(2);
        StateBatch next = e.newBatch(2);
        StateBatch prev = e.newBatch(2);
        IntTensor actions = IntTensor.allocate(2);
        ByteTensor done = ByteTensor.allocate(2);
        FloatTensor logR = FloatTensor.allocate(2)) {
      e.reset(s);
      actions.set(0, pair(n, 0, 1));
      actions.set(1, pair(n, 1, 2));
      e.step(s, actions, next, logR);
      s.copyFrom(next);
      next.cells().fill(7);
      int[] untouched = next.cells().toArray();
      for (int bad : new int[] {-1, e.numActions()}) {
        actions.set(1, bad);
        assertThrows(IllegalArgumentException.class, () -> e.step(s, actions, next, logR), "action " + bad);
      }
      actions.set(1, pair(n, 1, 4)); // slot 1 was merged away in row 1
      assertThrows(IllegalArgumentException.class, () -> e.step(s, actions, next, logR), "masked action");
      assertArrayEquals(untouched, next.cells().toArray(), "nothing written");
      actions.set(1, 3); // slot 3 holds a single leaf: nothing to split
      assertThrows(IllegalArgumentException.class, () -> e.backwardStep(s, actions, prev, done));
      int[] corrupt = s.cells(1);
      corrupt[2] = 99; // a root id out of range
      e.setState(s, 1, corrupt, false);
      actions.set(1, pair(n, 2, 3));
      assertThrows(IllegalArgumentException.class, () -> e.step(s, actions, next, logR));
      actions.set(1, 2);
      assertThrows(IllegalArgumentException.class, () -> e.backwardStep(s, actions, prev, done));
      assertThrows(IllegalArgumentException.class,
          () -> e.observe(s, e.observationSpec().allocate(2)));
      assertArrayEquals(untouched, next.cells().toArray(), "nothing written");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void observationHoldsTheBitsOfEachSlotRootsFitchSet(Backend backend) {
    Environment e = env("phylo:dataset=DS1,taxa=3,sites=2", backend);
    List<String> taxa = ((Phylo) e).taxa();
    PhyloData data = PhyloData.read(SharedData.root("phylo/DS1.json").resolve("phylo/DS1.json"), 2);
    try (StateBatch s = e.newBatch(1);
        StateBatch next = e.newBatch(1);
        IntTensor actions = IntTensor.of(new int[] {pair(3, 0, 2)}, 1);
        FloatTensor logR = FloatTensor.allocate(1);
        FloatTensor obs = FloatTensor.allocate(1, e.observationSize())) {
      e.reset(s);
      e.step(s, actions, next, logR);
      e.observe(next, obs);
      float[] o = obs.toArray();
      for (int t = 0; t < 2; t++) {
        int a = data.sites()[0][t];
        int c = data.sites()[2][t];
        int expected = (a & c) != 0 ? a & c : a | c;
        for (int bit = 0; bit < 5; bit++) {
          assertEquals(expected >> bit & 1, (int) o[t * 5 + bit], "slot 0 = merge of taxa 0 and 2");
          assertEquals(data.sites()[1][t] >> bit & 1, (int) o[10 + t * 5 + bit], "slot 1 = taxon 1");
          assertEquals(0, (int) o[20 + t * 5 + bit], "slot 2 is empty");
        }
      }
      assertEquals(3, taxa.size());
    }
  }
}
