// A policy artifact (checkpoint, model, saved trainer directory) is missing or unreadable.
package org.gfn4j.policy;

/**
 * Thrown instead of a crash when a saved trainer, checkpoint or exported model is missing,
 * corrupt or inconsistent; the message names the file and, where ORT rejected it, ORT's reason.
 */
public final class PolicyArtifactException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PolicyArtifactException(String message) {
    super(message);
  }

  public PolicyArtifactException(String message, Throwable cause) {
    super(message, cause);
  }
}
