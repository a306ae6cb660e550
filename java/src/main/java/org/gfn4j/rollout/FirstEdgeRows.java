package org.gfn4j.rollout;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.tensor.FloatTensor;

/**
 * The log PF of each trajectory's fixed first edge, read off a block: under a non-uniform start
 * distribution the objectives for cycles and the ELBO need log PF(s1 | s0) of the start state each
 * row drew. A row's first edge is its real transition whose backward action is the edge's
 * return-to-s0 action; rows without one get 0 (no objective reads it). Holds one buffer per batch
 * size it has seen; close it when done. Not thread-safe.
 */
public final class FirstEdgeRows implements AutoCloseable {
  private final FirstEdge edge;
  private final java.util.Map<Integer, FloatTensor> buffers = new java.util.HashMap<>();

  public FirstEdgeRows(FirstEdge edge) {
    this.edge = edge;
  }

  /** The per-row log PF of the first {@code used} slots of {@code block} (a buffer this object owns). */
  public FloatTensor of(Trajectories block, int used) {
    int batch = block.batch();
    FloatTensor out = buffers.computeIfAbsent(batch, FloatTensor::allocate);
    float[] values = values(block, used);
    for (int b = 0; b < batch; b++) {
      out.set(b, values[b]);
    }
    return out;
  }

  /** The same values as a plain array. */
  public float[] values(Trajectories block, int used) {
    int batch = block.batch();
    float[] out = new float[batch];
    int[] cells = new int[block.width()];
    ByteBuffer pad = block.pad.buffer();
    ByteBuffer terminal = block.terminal.buffer();
    int returnAction = edge.returnAction();
    for (int t = 0; t + 1 < Math.min(used, block.slots()); t++) {
      IntBuffer backward = block.backwardActions(t).buffer();
      for (int b = 0; b < batch; b++) {
        int next = (t + 1) * batch + b; // as the kernels: a real transition into a non-terminal state
        if (pad.get(next) == 0 && terminal.get(next) == 0 && backward.get(b) == returnAction) {
          block.states(t + 1).cells(b, cells);
          out[b] = (float) edge.logPF(cells);
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    buffers.values().forEach(FloatTensor::close);
    buffers.clear();
  }
}
