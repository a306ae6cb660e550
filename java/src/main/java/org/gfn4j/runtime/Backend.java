package org.gfn4j.runtime;

/** Which implementation runs an environment's batch kernels. */
public enum Backend {
  /** The C++ kernels through JNI (default). */
  NATIVE,
  /** The pure-Java reference implementation, the specification the native kernels are tested against. */
  JAVA
}
