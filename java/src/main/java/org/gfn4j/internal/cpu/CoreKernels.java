package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/core.h: library identity, threads and the CUDA driver probe. */
@Platform(include = "gfn4j/core.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class CoreKernels {
  static {
    Loader.load();
  }

  private CoreKernels() {}

  public static native int abi_version();

  public static native int cuda_driver_present();

  public static native int set_num_threads(int n);

  public static native int num_threads();
}
