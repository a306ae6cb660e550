package org.gfn4j.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH auxiliary counters of a memory-bound kernel benchmark: the elements (rows, states,
 * trajectories: each benchmark says which) and the bytes each call processes. JMH divides the
 * measured time by each, so in average-time mode it reports {@code :elements} as time per element
 * and {@code :bytes} as time per byte next to the time per call ({@code -tu ns} gives ns/element
 * and ns/byte, the inverse of GB/s); {@link KernelReport} turns that into the bandwidth table.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Traffic {
  public long elements;
  public long bytes;

  @Setup(Level.Iteration)
  public void reset() {
    elements = 0;
    bytes = 0;
  }

  /** Records one call over {@code elementsPerCall} elements that moves {@code bytesPerCall} bytes. */
  public void add(long elementsPerCall, long bytesPerCall) {
    elements += elementsPerCall;
    bytes += bytesPerCall;
  }
}
