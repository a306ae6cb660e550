package org.gfn4j.rollout;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.SplittableRandom;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.tensor.Rows;
import org.gfn4j.tensor.IntTensor;

/**
 * A uniform transition replay buffer for off-policy transition objectives (DB, FL-DB, MDB,
 * soft-DQN): a FIFO of the real transitions s → s′ of training rollouts (padding dropped, as
 * gfnx's flashbax buffer does), from which batches are drawn uniformly with replacement into a
 * two-slot trajectory block (slot 0 = s, slot 1 = s′), the layout every objective reads.
 */
public final class ReplayBuffer implements AutoCloseable {
  private final int capacity;
  private final int width;
  private final int obsSize;
  private final int numActions;
  private final int numBackwardActions;
  // Both ends of every stored transition, as slot 0 and slot 1 of a two-slot block each.
  private final Trajectories store;
  private int size;
  private int next;

  public ReplayBuffer(int capacity, int width, ObservationSpec obsSpec, int numActions, int numBackwardActions) {
    if (capacity < 1) {
      throw new IllegalArgumentException("replay capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
    this.width = width;
    this.obsSize = obsSpec.size();
    this.numActions = numActions;
    this.numBackwardActions = numBackwardActions;
    this.store = new Trajectories(2, capacity, width, obsSpec, numActions, numBackwardActions);
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return capacity;
  }

  /** Appends every real transition among the first {@code used} slots of {@code block}. */
  public int add(Trajectories block, int used) {
    check(block);
    int batch = block.batch();
    ByteBuffer pad = block.pad.buffer();
    int added = 0;
    for (int t = 0; t + 1 < used; t++) {
      for (int b = 0; b < batch; b++) {
        if (pad.get((t + 1) * batch + b) != 0) {
          continue;
        }
        copyTransition(block, t * batch + b, (t + 1) * batch + b, store, next, capacity + next);
        next = next + 1 == capacity ? 0 : next + 1;
        size = Math.min(size + 1, capacity);
        added++;
      }
    }
    return added;
  }

  /** Fills the two-slot block {@code out} (B = batch size) with transitions drawn uniformly. */
  public void sample(SplittableRandom rng, Trajectories out) {
    check(out);
    if (out.slots() != 2) {
      throw new IllegalArgumentException("replay batches are two-slot blocks, got " + out.slots() + " slots");
    }
    if (size == 0) {
      throw new IllegalStateException("the replay buffer is empty");
    }
    int n = out.batch();
    for (int i = 0; i < n; i++) {
      int j = rng.nextInt(size);
      copyTransition(store, j, capacity + j, out, i, n + i);
    }
  }

  /** Fills {@code out} with transitions drawn uniformly among the {@code recent} most recently stored. */
  public void sampleRecent(SplittableRandom rng, Trajectories out, int recent) {
    check(out);
    if (out.slots() != 2 || recent < 1 || recent > size) {
      throw new IllegalArgumentException("draws " + out.slots() + "-slot blocks among 1.." + size + " recent, got "
          + recent);
    }
    int n = out.batch();
    for (int i = 0; i < n; i++) {
      int j = Math.floorMod(next - 1 - rng.nextInt(recent), capacity);
      copyTransition(store, j, capacity + j, out, i, n + i);
    }
  }

  /** The ring position the next stored transition will take (the oldest one once full). */
  public int nextPosition() {
    return next;
  }

  /** Fills the two-slot block {@code out} with the stored transitions {@code indices} (one per row). */
  public void gather(int[] indices, Trajectories out) {
    check(out);
    if (out.slots() != 2 || indices.length != out.batch()) {
      throw new IllegalArgumentException("gather fills a two-slot block of " + indices.length + " rows");
    }
    int n = out.batch();
    for (int i = 0; i < n; i++) {
      int j = indices[i];
      if (j < 0 || j >= size) {
        throw new IllegalArgumentException("transition " + j + " is not stored (size " + size + ")");
      }
      copyTransition(store, j, capacity + j, out, i, n + i);
    }
  }

  private void check(Trajectories block) {
    if (block.width() != width || block.obsSize() != obsSize || block.numActions() != numActions
        || block.numBackwardActions() != numBackwardActions) {
      throw new IllegalArgumentException("block shapes differ from the replay buffer's");
    }
  }

  /** Copies the source row of s (index from) and of s′ (index to) into rows dstFrom and dstTo. */
  private void copyTransition(Trajectories src, int from, int to, Trajectories dst, int dstFrom, int dstTo) {
    copyState(src, from, dst, dstFrom);
    copyState(src, to, dst, dstTo);
    dst.actions.buffer().put(dstFrom, src.actions.buffer().get(from));
    dst.backwardActions.buffer().put(dstFrom, src.backwardActions.buffer().get(from));
    dst.logReward.buffer().put(dstFrom, src.logReward.buffer().get(from));
    dst.pad.buffer().put(dstFrom, (byte) 0);
    dst.pad.buffer().put(dstTo, (byte) 0);
  }

  private void copyState(Trajectories src, int row, Trajectories dst, int dstRow) {
    Rows.copy(src.cells, row, dst.cells, dstRow, width);
    Rows.copy(src.obs, row, dst.obs, dstRow, obsSize);
    Rows.copy(src.forwardMask, row, dst.forwardMask, dstRow, numActions);
    Rows.copy(src.backwardMask, row, dst.backwardMask, dstRow, numBackwardActions);
    dst.terminal.buffer().put(dstRow, src.terminal.buffer().get(row));
  }


  /**
   * Writes the buffer compactly: per transition the cells of s and s′, whether s′ is terminal,
   * the actions and the log-reward. Observations and masks are functions of the states, so
   * {@link #restore} recomputes them instead of storing them.
   */
  public void save(java.io.DataOutputStream out) throws java.io.IOException {
    out.writeInt(capacity);
    out.writeInt(size);
    out.writeInt(next);
    IntBuffer cells = store.cells.buffer();
    for (int j = 0; j < size; j++) {
      for (int i = 0; i < width; i++) {
        out.writeInt(cells.get(j * width + i));
        out.writeInt(cells.get((capacity + j) * width + i));
      }
      out.writeByte(store.terminal.buffer().get(capacity + j));
      out.writeInt(store.actions.buffer().get(j));
      out.writeInt(store.backwardActions.buffer().get(j));
      out.writeFloat(store.logReward.buffer().get(j));
    }
  }

  /** Reads what {@link #save} wrote and rebuilds observations and masks with {@code env}. */
  public void restore(java.io.DataInputStream in, org.gfn4j.env.Environment env) throws java.io.IOException {
    if (in.readInt() != capacity) {
      throw new java.io.IOException("the saved replay buffer has another capacity");
    }
    int n = in.readInt();
    int nxt = in.readInt();
    if (n < 0 || n > capacity || nxt < 0 || nxt >= capacity) {
      throw new java.io.IOException("corrupt replay buffer header");
    }
    IntBuffer cells = store.cells.buffer();
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < width; i++) {
        cells.put(j * width + i, in.readInt());
        cells.put((capacity + j) * width + i, in.readInt());
      }
      store.terminal.buffer().put(j, (byte) 0);
      store.terminal.buffer().put(capacity + j, in.readByte());
      store.actions.buffer().put(j, in.readInt());
      store.backwardActions.buffer().put(j, in.readInt());
      store.logReward.buffer().put(j, in.readFloat());
    }
    int[] row = new int[width];
    for (int slot = 0; slot < 2; slot++) {
      org.gfn4j.env.StateBatch states = store.states(slot);
      for (int j = 0; j < n; j++) { // the environment validates every cell before native code reads it
        states.cells(j, row);
        try {
          env.setState(states, j, row, states.isTerminal(j));
        } catch (IllegalArgumentException e) {
          throw new java.io.IOException("corrupt replay buffer: transition " + j + ": " + e.getMessage(), e);
        }
      }
      env.observe(states, store.obs(slot));
      env.forwardMask(states, store.forwardMask(slot));
      env.backwardMask(states, store.backwardMask(slot));
    }
    size = n;
    next = nxt;
  }

  @Override
  public void close() {
    store.close();
  }
}
