// Start-up work that does not depend on the run, moved onto a spare thread while the run sets up.
package org.gfn4j.train;

import org.gfn4j.io.Plots;
import org.gfn4j.policy.ort.Ort;

/**
 * Loads ONNX Runtime's native library and warms up plotting on a daemon thread, so that on a
 * multi-core machine neither waits on the thread that builds the environment, the evaluation's
 * state graph and the ONNX graphs. Whatever is not done when the run needs it is simply waited
 * for (class initialisation is thread-safe); a failure here surfaces again where the run itself
 * uses the library.
 */
public final class Preload {
  private Preload() {}

  /** False when the system property gfn4j.preload is "false" (profiles that attribute each load). */
  public static boolean enabled() {
    return !"false".equals(System.getProperty("gfn4j.preload"));
  }

  static void start() {
    if (!enabled()) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        Ort.api();
        Plots.warmUp();
      } catch (RuntimeException | LinkageError e) {
        // The run's own use reports it.
      }
    }, "gfn4j-preload");
    t.setDaemon(true);
    t.start();
  }
}
