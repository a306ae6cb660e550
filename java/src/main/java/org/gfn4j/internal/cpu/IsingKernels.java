package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/ising.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/ising.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class IsingKernels {
  static {
    Loader.load();
  }

  private IsingKernels() {}

  public static native int ising_reset(
      int sites, long batch, IntPointer spins, @Cast("uint8_t*") BytePointer terminal, @Cast("uint8_t*") BytePointer pad);

  public static native int ising_step(
      int sites, long batch, @Const IntPointer spins, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer actions, IntPointer spinsOut, @Cast("uint8_t*") BytePointer terminalOut,
      @Cast("uint8_t*") BytePointer padOut);

  public static native int ising_backward_step(
      int sites, long batch, @Const IntPointer spins, @Cast("const uint8_t*") BytePointer terminal,
      @Const IntPointer actions, IntPointer spinsOut, @Cast("uint8_t*") BytePointer terminalOut,
      @Cast("uint8_t*") BytePointer padOut, @Cast("uint8_t*") BytePointer done);

  public static native int ising_forward_mask(int sites, long batch, @Const IntPointer spins, @Cast("uint8_t*") BytePointer invalid);

  public static native int ising_backward_mask(int sites, long batch, @Const IntPointer spins, @Cast("uint8_t*") BytePointer invalid);

  public static native int ising_observe(int sites, long batch, @Const IntPointer spins, FloatPointer obs);

  public static native int ising_log_reward(
      int sites, long batch, @Const IntPointer spins, @Const DoublePointer coupling, DoublePointer out);

  public static native int ising_pt_heat_bath(
      int sites, int replicas, long firstRound, int rounds, int sweeps, @Const DoublePointer coupling,
      @Const DoublePointer betas, @Cast("uint64_t") long seed, IntPointer chains);
}
