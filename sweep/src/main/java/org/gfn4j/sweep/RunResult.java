package org.gfn4j.sweep;

import java.io.Serializable;

/**
 * What became of one run in this sweep: trained, resumed (from its checkpoint), skipped
 * (finished before) or failed (every attempt threw); the summary is summary.json's text.
 */
public record RunResult(String id, Status status, String summaryJson, String error) implements Serializable {
  /** How a run ended. */
  public enum Status {
    TRAINED, RESUMED, SKIPPED, FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
