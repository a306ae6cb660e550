// A trainable tensor of a network: name, shape and how it is initialised.
package org.gfn4j.policy.onnx;

import java.util.Arrays;

/**
 * One parameter. {@code init} is UNIFORM (±scale), NORMAL (std scale), ONES or ZEROS; see
 * {@link ParameterInit} for the rules the architectures use.
 */
public record ParameterSpec(String name, long[] shape, Init init, double scale) {
  public enum Init {
    UNIFORM,
    NORMAL,
    ONES,
    ZEROS
  }

  public int size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return Math.toIntExact(n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterSpec p && p.name.equals(name) && Arrays.equals(p.shape, shape)
        && p.init == init && p.scale == scale;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
