// gfn4j train --profile: the start-up and run phases of one training process, printed at the end.
package org.gfn4j.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import org.gfn4j.policy.ort.Ort;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.Profile;

/**
 * Starts {@link Profile} with the JVM's own start-up (its uptime when the command begins: VM
 * start, class loading, argument parsing) and loads both native libraries up front, so their
 * cost is one phase each instead of hiding in the first call that needs them.
 */
final class StartupPhases {
  private StartupPhases() {}

  static void begin() {
    Profile.enable();
    Profile.add("jvm start + argument parsing", ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L);
    Profile.time("native library load (gfn4j)", NativeLibrary::ensureLoaded);
    Profile.time("native library load (onnxruntime)", () -> Ort.api());
  }

  static void print(PrintStream err) {
    Map<String, Double> ms = Profile.millis();
    double total = 0;
    err.println("profile (wall ms, exclusive):");
    for (Map.Entry<String, Double> e : ms.entrySet()) {
      err.printf(Locale.ROOT, "  %-36s %9.1f%n", e.getKey(), e.getValue());
      total += e.getValue();
    }
    err.printf(Locale.ROOT, "  %-36s %9.1f (JVM uptime now %d)%n", "sum", total,
        ManagementFactory.getRuntimeMXBean().getUptime());
  }
}
