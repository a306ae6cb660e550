// Element types a graph value can have, with their ONNX TensorProto codes.
package org.gfn4j.policy.onnx;

/** Element type of a graph value; {@code code} is the ONNX {@code TensorProto.DataType} number. */
public enum DType {
  FLOAT(1, 4),
  INT32(6, 4),
  INT64(7, 8),
  BOOL(9, 1),
  DOUBLE(11, 8);

  public final int code;
  public final int bytes;

  DType(int code, int bytes) {
    this.code = code;
    this.bytes = bytes;
  }

  public boolean isFloating() {
    return this == FLOAT || this == DOUBLE;
  }
}
