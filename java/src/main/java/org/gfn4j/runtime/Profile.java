// Wall-clock time by named phase for one process (gfn4j train --profile): where start-up goes.
package org.gfn4j.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Exclusive wall time per phase: a phase timed inside another is subtracted from the outer one,
 * so the phases add up to the covered time. Off (one null check per phase) until {@link #enable}.
 * For the single thread that drives a run.
 */
public final class Profile {
  private static Map<String, Long> phases;
  private static long children;

  private Profile() {}

  /** Starts recording (clearing what was recorded). */
  public static synchronized void enable() {
    phases = new LinkedHashMap<>();
    children = 0;
  }

  /** Stops recording and forgets what was recorded. */
  public static synchronized void disable() {
    phases = null;
  }

  public static synchronized boolean enabled() {
    return phases != null;
  }

  public static <T> T time(String phase, Supplier<T> body) {
    if (!enabled()) {
      return body.get();
    }
    long outer;
    synchronized (Profile.class) {
      outer = children;
      children = 0;
    }
    long start = System.nanoTime();
    try {
      return body.get();
    } finally {
      long total = System.nanoTime() - start;
      synchronized (Profile.class) {
        add(phase, total - children);
        children = outer + total;
      }
    }
  }

  public static void time(String phase, Runnable body) {
    time(phase, () -> {
      body.run();
      return null;
    });
  }

  /** Adds {@code nanos} to {@code phase} (e.g. time measured before recording could start). */
  public static synchronized void add(String phase, long nanos) {
    if (phases != null) {
      phases.merge(phase, nanos, Long::sum);
    }
  }

  /** Milliseconds per phase, in the order the phases first finished. */
  public static synchronized Map<String, Double> millis() {
    Map<String, Double> out = new LinkedHashMap<>();
    if (phases != null) {
      phases.forEach((k, v) -> out.put(k, v / 1e6));
    }
    return out;
  }
}
