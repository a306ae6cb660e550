package org.gfn4j.runtime;

/** Maps the status codes of gfn4j/core.h to Java exceptions. */
public final class NativeStatus {
  public static final int OK = 0;
  public static final int ERR_ARGUMENT = -1;
  public static final int ERR_ACTION_RANGE = -2;
  public static final int ERR_INVALID_ACTION = -3;
  public static final int ERR_INTERNAL = -4;
  public static final int ERR_CUDA = -5;

  private NativeStatus() {}

  /** Returns {@code status} when it is not an error, else throws naming the kernel. */
  public static int check(int status, String kernel) {
    if (status >= 0) {
      return status;
    }
    switch (status) {
      case ERR_ARGUMENT:
        throw new IllegalArgumentException(kernel + ": invalid argument (shape, size or value)");
      case ERR_ACTION_RANGE:
        throw new IllegalArgumentException(kernel + ": an action id is out of range");
      case ERR_INVALID_ACTION:
        throw new IllegalArgumentException(kernel + ": an action is forbidden by the invalid mask");
      case ERR_CUDA:
        throw new IllegalStateException(kernel + ": CUDA runtime error");
      default:
        throw new IllegalStateException(kernel + ": internal native error " + status);
    }
  }
}
