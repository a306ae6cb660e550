package org.gfn4j.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of every handle over native memory: counts in-flight uses, refuses use after close and
 * refuses to close while a native call is using it. Close is idempotent.
 */
public abstract class NativeResource implements AutoCloseable {
  private static final int CLOSED = -1;
  private final AtomicInteger uses = new AtomicInteger();
  private final NativeResource parent;

  /** A root resource that owns its memory. */
  protected NativeResource() {
    this(null);
  }

  /** A view that borrows the memory of {@code parent} and is usable only while it is open. */
  protected NativeResource(NativeResource parent) {
    this.parent = parent;
  }

  /** Marks one use in flight; pair with {@link #release()}, or use {@link #lease}. */
  public final void acquire() {
    if (parent != null) {
      parent.acquire();
    }
    for (;;) {
      int n = uses.get();
      if (n == CLOSED) {
        if (parent != null) {
          parent.release();
        }
        throw new IllegalStateException(describe() + " is closed");
      }
      if (uses.compareAndSet(n, n + 1)) {
        return;
      }
    }
  }

  public final void release() {
    uses.decrementAndGet();
    if (parent != null) {
      parent.release();
    }
  }

  /** Throws if this handle (or the handle it borrows from) is closed. */
  public final void ensureOpen() {
    if (isClosed()) {
      throw new IllegalStateException(describe() + " is closed");
    }
  }

  public final boolean isClosed() {
    return uses.get() == CLOSED || (parent != null && parent.isClosed());
  }

  @Override
  public final void close() {
    for (;;) {
      int n = uses.get();
      if (n == CLOSED) {
        return;
      }
      if (n > 0) {
        throw new IllegalStateException("attempt to close " + describe() + " while in use");
      }
      if (uses.compareAndSet(0, CLOSED)) {
        free();
        return;
      }
    }
  }

  /** Releases the native memory; called once. Views free nothing. */
  protected abstract void free();

  /** A short name for error messages, e.g. "FloatTensor[16, 80]". */
  protected abstract String describe();

  /** Acquires every resource (in order) and releases them all when the lease is closed. */
  public static Lease lease(NativeResource... resources) {
    int i = 0;
    try {
      for (; i < resources.length; i++) {
        resources[i].acquire();
      }
    } catch (RuntimeException e) {
      while (--i >= 0) {
        resources[i].release();
      }
      throw e;
    }
    return new Lease(resources);
  }

  /** Uses of several resources held for the length of one native call. */
  public static final class Lease implements AutoCloseable {
    private final NativeResource[] resources;

    private Lease(NativeResource[] resources) {
      this.resources = resources;
    }

    @Override
    public void close() {
      for (int i = resources.length - 1; i >= 0; i--) {
        resources[i].release();
      }
    }
  }
}
