// Writing a run's plots on several threads: every plot once, and a failure is not lost.
package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunPlotsTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8})
  void everyJobRunsExactlyOnce(int threads) {
    AtomicIntegerArray runs = new AtomicIntegerArray(7);
    List<Runnable> jobs = new ArrayList<>();
    for (int i = 0; i < runs.length(); i++) {
      int k = i;
      jobs.add(() -> runs.incrementAndGet(k));
    }
    RunPlots.runAll(jobs, threads);
    for (int i = 0; i < runs.length(); i++) {
      assertEquals(1, runs.get(i), "job " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aFailingPlotFailsTheWrite(int threads) {
    IllegalArgumentException bad = new IllegalArgumentException("a plot needs a title");
    List<Runnable> jobs = List.of(() -> { }, () -> {
      throw bad;
    }, () -> { });
    assertSame(bad, assertThrows(IllegalArgumentException.class, () -> RunPlots.runAll(jobs, threads)));
  }
}
