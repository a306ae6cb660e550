// An ONNX Runtime call that returned an error status.
package org.gfn4j.policy.ort;

/** Thrown when an ONNX Runtime C API call fails; the message is ORT's own. */
public final class OrtException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public OrtException(String message) {
    super(message);
  }
}
