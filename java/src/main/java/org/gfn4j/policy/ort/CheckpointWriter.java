// Writes an ORT training checkpoint (flatbuffer, schema ort_training_checkpoint.fbs) from Java.
package org.gfn4j.policy.ort;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The initial checkpoint ORT's {@code LoadCheckpoint} reads: file identifier {@code ODTC},
 * {@code Checkpoint{version=2, module_state}}, {@code ModuleState{requires_grad_params,
 * frozen_params (present even when empty)}}, float {@code Tensor{name, dims, data_type=1,
 * raw_data}}. No optimizer state: ORT then starts with zero moments at step 0. Field slots are
 * the declaration order of the schema tables.
 */
public final class CheckpointWriter {
  /** One trainable parameter: name, shape and row-major float values. */
  public record Parameter(String name, long[] shape, float[] values) {
    public Parameter {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      if (n != values.length) {
        throw new IllegalArgumentException(name + ": " + values.length + " values for " + Arrays.toString(shape));
      }
    }
  }

  private static final int CHECKPOINT_VERSION = 2;
  private static final int FLOAT = 1;

  private CheckpointWriter() {}

  public static byte[] encode(List<Parameter> trainable) {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    int[] tensors = new int[trainable.size()];
    for (int i = 0; i < tensors.length; i++) {
      tensors[i] = tensor(b, trainable.get(i));
    }
    int requiresGrad = vectorOfTables(b, tensors);
    int frozen = vectorOfTables(b, new int[0]);
    b.startTable(4); // ModuleState
    b.addOffset(0, requiresGrad, 0);
    b.addOffset(1, frozen, 0);
    int moduleState = b.endTable();
    b.startTable(4); // Checkpoint
    b.addInt(0, CHECKPOINT_VERSION, 0);
    b.addOffset(1, moduleState, 0);
    int root = b.endTable();
    b.finish(root, "ODTC");
    return b.sizedByteArray();
  }

  public static void write(Path path, List<Parameter> trainable) {
    try {
      Files.write(path, encode(trainable));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + path, e);
    }
  }

  private static int tensor(FlatBufferBuilder b, Parameter p) {
    int name = b.createString(p.name());
    b.startVector(8, p.shape().length, 8);
    for (int i = p.shape().length - 1; i >= 0; i--) {
      b.addLong(p.shape()[i]);
    }
    int dims = b.endVector();
    ByteBuffer raw = b.createUnintializedVector(1, p.values().length * 4, 16);
    raw.order(ByteOrder.LITTLE_ENDIAN);
    for (float v : p.values()) {
      raw.putFloat(v);
    }
    int data = b.endVector();
    b.startTable(7); // Tensor
    b.addOffset(0, name, 0);
    b.addOffset(2, dims, 0);
    b.addInt(3, FLOAT, 0);
    b.addOffset(4, data, 0);
    return b.endTable();
  }

  private static int vectorOfTables(FlatBufferBuilder b, int[] offsets) {
    b.startVector(4, offsets.length, 4);
    for (int i = offsets.length - 1; i >= 0; i--) {
      b.addOffset(offsets[i]);
    }
    return b.endVector();
  }
}
