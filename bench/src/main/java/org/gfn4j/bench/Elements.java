package org.gfn4j.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH auxiliary counter of a compute-bound benchmark: the elements (rows, states, site updates:
 * each benchmark says which) each call processes, reported by JMH as {@code :elements}, the time
 * per element. Memory-bound kernels count their bytes too, with {@link Traffic}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Elements {
  public long elements;

  @Setup(Level.Iteration)
  public void reset() {
    elements = 0;
  }

  public void add(long elementsPerCall) {
    elements += elementsPerCall;
  }
}
