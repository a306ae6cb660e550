// gfn4j train --profile: the start-up and run phases of one training process, printed at the end.
package org.gfn4j.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import org.gfn4j.policy.ort.Ort;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.Profile;
import org.gfn4j.train.Preload;

/**
 * Starts {@link Profile} with the JVM's own start-up (its uptime when the command begins: VM
 * start, class loading, argument parsing) and loads gfn4j's native library up front (and ONNX
 * Runtime's, when -Dgfn4j.preload=false keeps it off the spare thread), so each load is one phase
 * instead of hiding in the first call that needs it.
 */
final class StartupPhases {
  private StartupPhases() {}

  static void begin() {
    Profile.enable();
    // The JVM's own start is timed from its start; its CPU is the process's so far (every thread).
    long processCpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
    Profile.add("jvm start + argument parsing", ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L,
        processCpu);
    Profile.time("native library load (gfn4j)", NativeLibrary::ensureLoaded);
    if (!Preload.enabled()) { // else it loads on a spare thread while the run sets up
      Profile.time("native library load (onnxruntime)", () -> Ort.api());
    }
  }

  static void print(PrintStream err) {
    Map<String, Double> ms = Profile.millis();
    Map<String, Double> cpu = Profile.cpuMillis();
    double total = 0;
    double totalCpu = 0;
    err.printf(Locale.ROOT, "profile (ms, exclusive):%n  %-36s %9s %9s%n", "phase", "wall", "cpu");
    for (Map.Entry<String, Double> e : ms.entrySet()) {
      double c = cpu.getOrDefault(e.getKey(), 0.0);
      err.printf(Locale.ROOT, "  %-36s %9.1f %9.1f%n", e.getKey(), e.getValue(), c);
      total += e.getValue();
      totalCpu += c;
    }
    err.printf(Locale.ROOT, "  %-36s %9.1f %9.1f (JVM uptime now %d)%n", "sum", total, totalCpu,
        ManagementFactory.getRuntimeMXBean().getUptime());
  }
}
