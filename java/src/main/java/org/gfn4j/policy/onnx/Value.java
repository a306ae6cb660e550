// A symbolic tensor of a graph under construction: element type, static shape, gradient flag.
package org.gfn4j.policy.onnx;

import java.util.Arrays;

/**
 * A value of a {@link Graph}: a graph input, a parameter or a node output. Shapes are static
 * except for dimensions marked {@link #DYNAMIC} (the batch dimension and what derives from it).
 * The ONNX name is fixed only when the graph is serialised, so outputs can still be renamed.
 */
public final class Value {
  /** A dimension whose size is known only at run time (never 1). */
  public static final long DYNAMIC = -1;

  final Graph graph;
  String name;
  private final DType type;
  private final long[] shape;
  private final boolean requiresGrad;

  Value(Graph graph, String name, DType type, long[] shape, boolean requiresGrad) {
    this.graph = graph;
    this.name = name;
    this.type = type;
    this.shape = shape.clone();
    this.requiresGrad = requiresGrad;
  }

  public String name() {
    return name;
  }

  public DType type() {
    return type;
  }

  public long[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  /** Size of {@code axis}; negative axes count from the end. */
  public long dim(int axis) {
    return shape[axis < 0 ? shape.length + axis : axis];
  }

  /** True when the value depends on a parameter (or a differentiable input). */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  public Graph graph() {
    return graph;
  }

  /** True when every dimension is static. */
  public boolean isStatic() {
    for (long d : shape) {
      if (d == DYNAMIC) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return name + ":" + type + Arrays.toString(shape);
  }
}
