// Wall-clock time by named phase for one process (gfn4j train --profile): where start-up goes.
package org.gfn4j.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Exclusive wall time (and CPU time of the timing thread) per phase: a phase timed inside
 * another is subtracted from the outer one, so the phases add up to the covered time. Off (one null check per phase) until {@link #enable}.
 * For the single thread that drives a run.
 */
public final class Profile {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static Map<String, Long> phases;
  private static Map<String, Long> cpu;
  private static long children;
  private static long childrenCpu;

  private Profile() {}

  /** Starts recording (clearing what was recorded). */
  public static synchronized void enable() {
    phases = new LinkedHashMap<>();
    cpu = new LinkedHashMap<>();
    children = 0;
    childrenCpu = 0;
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
    long outerCpu;
    synchronized (Profile.class) {
      outer = children;
      outerCpu = childrenCpu;
      children = 0;
      childrenCpu = 0;
    }
    long start = System.nanoTime();
    long startCpu = THREADS.getCurrentThreadCpuTime();
    try {
      return body.get();
    } finally {
      long total = System.nanoTime() - start;
      long totalCpu = THREADS.getCurrentThreadCpuTime() - startCpu;
      synchronized (Profile.class) {
        add(phase, total - children, totalCpu - childrenCpu);
        children = outer + total;
        childrenCpu = outerCpu + totalCpu;
      }
    }
  }

  public static void time(String phase, Runnable body) {
    time(phase, () -> {
      body.run();
      return null;
    });
  }

  /**
   * Adds {@code nanos} of wall time and {@code cpuNanos} of CPU time to {@code phase} (e.g. time
   * measured before recording could start).
   */
  public static synchronized void add(String phase, long nanos, long cpuNanos) {
    if (phases != null) {
      phases.merge(phase, nanos, Long::sum);
      cpu.merge(phase, cpuNanos, Long::sum);
    }
  }

  /** Wall milliseconds per phase, in the order the phases first finished. */
  public static synchronized Map<String, Double> millis() {
    Map<String, Double> out = new LinkedHashMap<>();
    if (phases != null) {
      phases.forEach((k, v) -> out.put(k, v / 1e6));
    }
    return out;
  }

  /** CPU milliseconds per phase of the timing thread (not of helper threads), same order. */
  public static synchronized Map<String, Double> cpuMillis() {
    Map<String, Double> out = new LinkedHashMap<>();
    if (cpu != null) {
      cpu.forEach((k, v) -> out.put(k, v / 1e6));
    }
    return out;
  }
}
