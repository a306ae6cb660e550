package org.gfn4j.internal.cpu;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/** JavaCPP binding of gfn4j/polyak.h; arguments are validated by the Java callers. */
@Platform(include = "gfn4j/polyak.h", link = {"pthread", "dl", "gfn4j_core"}, library = "jnigfn4j")
@Namespace("gfn4j")
@NoException
public final class PolyakKernels {
  static {
    Loader.load();
  }

  private PolyakKernels() {}

  public static native int polyak_update(long n, float tau, @Const FloatPointer online, FloatPointer target);
}
