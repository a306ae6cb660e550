package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/sampler.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/sampler.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class SamplerKernels {
  static {
    Loader.load();
  }

  private SamplerKernels() {}

  public static native int philox4x32_10(
      long n, @Cast("const uint32_t*") IntPointer counters, @Cast("const uint32_t*") IntPointer keys,
      @Cast("uint32_t*") IntPointer out);

  public static native int sample_masked(
      long batch, int numActions, @Const FloatPointer logits, @Cast("const uint8_t*") BytePointer invalid,
      float epsilon, float temperature, long seed, long step, int slot, IntPointer actions,
      FloatPointer logProb);
}
