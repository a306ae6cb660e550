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
    Profile.add("jvm start + argument parsing", ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L);
    Profile.time("native library load (gfn4j)", NativeLibrary::ensureLoaded);
    if (!Preload.enabled()) { // else it loads on a spare thread while the run sets up
      Profile.time("native library load (onnxruntime)", () -> Ort.api());
    }
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
