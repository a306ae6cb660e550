package org.gfn4j.sweep;

/** Spark could not run the sweep's job at all (as opposed to a run failing, which is a result). */
public final class SweepFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SweepFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
