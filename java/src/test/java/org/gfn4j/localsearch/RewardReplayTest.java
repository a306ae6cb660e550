package org.gfn4j.localsearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reward-prioritised replay: half of each draw from the top fraction, first in first out, saved exactly. */
class RewardReplayTest {
  @Test
  void halfOfEachDrawComesFromTheTopFraction() {
    RewardReplay r = new RewardReplay(100, 1, 0.1);
    for (int i = 0; i < 100; i++) {
      r.add(new int[] {i}, i * 0.5); // objects 90..99 form the top 10%
    }
    int[] drawn = r.sample(9, new SplittableRandom(1));
    for (int j = 0; j < 9; j++) {
      assertTrue(j < 5 ? drawn[j] >= 90 : drawn[j] < 90, "draw " + j + " = " + drawn[j]);
    }
  }

  @Test
  void theOldestObjectsLeaveFirst() {
    RewardReplay r = new RewardReplay(3, 2, 1.0);
    for (int i = 0; i < 5; i++) {
      r.add(new int[] {i, -i}, -i);
    }
    assertEquals(3, r.size());
    assertArrayEquals(new int[] {3, -3, 4, -4, 2, -2}, r.objects());
  }

  @Test
  void aRestoredReplayDrawsWhatTheSavedOneDraws() throws IOException {
    RewardReplay a = new RewardReplay(8, 2, 0.25);
    for (int i = 0; i < 11; i++) {
      a.add(new int[] {i, i % 3}, Math.sin(i));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.save(new DataOutputStream(bytes));
    RewardReplay b = new RewardReplay(8, 2, 0.25);
    b.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertArrayEquals(a.sample(13, new SplittableRandom(4)), b.sample(13, new SplittableRandom(4)));
    a.add(new int[] {50, 0}, 1);
    b.add(new int[] {50, 0}, 1);
    assertArrayEquals(a.objects(), b.objects());
    RewardReplay narrow = new RewardReplay(4, 2, 0.25);
    assertThrows(IOException.class,
        () -> narrow.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RewardReplay(0, 1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new RewardReplay(4, 1, 0));
    RewardReplay r = new RewardReplay(4, 2, 0.5);
    assertThrows(IllegalStateException.class, () -> r.sample(1, new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> r.add(new int[] {1}, 0));
    assertThrows(IllegalArgumentException.class, () -> r.add(new int[] {1, 2}, Double.NaN));
  }
}
