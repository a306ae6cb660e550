// An ONNX graph under construction: inputs, parameters, nodes, outputs and the autodiff tape.
package org.gfn4j.policy.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A graph is written once, forward; every differentiable operation records its {@link Vjp} on a
 * tape that {@link Autodiff} replays backwards to emit the gradient nodes into the same graph.
 * Parameters are graph inputs (ONNX Runtime's training API requires that), constants are
 * {@code Constant} nodes. Default-domain opset 17, {@code com.microsoft} opset 1, IR version 8.
 */
public final class Graph {
  public static final String MS = "com.microsoft";
  public static final int OPSET = 17;
  /** Name of the dynamic (batch) dimension on graph inputs and outputs. */
  public static final String BATCH = "batch";

  record Node(String op, String domain, Value[] inputs, Value[] outputs, List<AttributeProto> attrs) {}

  record TapeEntry(Value[] inputs, Value[] outputs, Vjp rule) {}

  /** Type and shape of one node output. */
  public record Out(DType type, long[] shape) {}

  private final List<Node> nodes = new ArrayList<>();
  private final List<Value> inputs = new ArrayList<>();
  private final List<Value> outputs = new ArrayList<>();
  private final List<TapeEntry> tape = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final Set<Value> inputSet = new HashSet<>();
  private boolean recording = true;
  private int counter;

  /** A user input that needs no gradient (observations, tokens, upstream gradients). */
  public Value input(String name, DType type, long... shape) {
    return addInput(name, type, shape, false);
  }

  /** A user input whose gradient can be requested (used to check VJP rules). */
  public Value differentiableInput(String name, DType type, long... shape) {
    return addInput(name, type, shape, true);
  }

  /** A trainable float parameter, fed as a graph input. */
  public Value parameter(String name, long... shape) {
    for (long d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException("parameter " + name + " needs a static positive shape");
      }
    }
    return addInput(name, DType.FLOAT, shape, true);
  }

  private Value addInput(String name, DType type, long[] shape, boolean grad) {
    claim(name);
    Value v = new Value(this, name, type, shape, grad);
    inputs.add(v);
    inputSet.add(v);
    return v;
  }

  /** A constant tensor; {@code values} are converted to {@code type}. */
  public Value constant(DType type, long[] shape, double... values) {
    if (Shapes.size(shape) != values.length) {
      throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
    }
    TensorProto t = tensorProto(type, shape, values);
    return emit("Constant", "", new Value[0], List.of(Attr.tensor("value", t)), new Out(type, shape))[0];
  }

  /** A 1-D int64 constant (axes, shapes, split sizes). */
  public Value longs(long... values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return constant(DType.INT64, new long[] {values.length}, d);
  }

  /** A rank-0 constant. */
  public Value scalar(DType type, double value) {
    return constant(type, new long[0], value);
  }

  /**
   * Emits one node. A null input is an omitted optional input. Outputs require a gradient when
   * any input does and their type is floating point.
   */
  public Value[] emit(String op, String domain, Value[] ins, List<AttributeProto> attrs, Out... outs) {
    boolean grad = false;
    for (Value in : ins) {
      if (in != null) {
        if (in.graph != this) {
          throw new IllegalArgumentException(in + " belongs to another graph");
        }
        grad |= in.requiresGrad();
      }
    }
    Value[] result = new Value[outs.length];
    for (int i = 0; i < outs.length; i++) {
      result[i] = new Value(this, null, outs[i].type(), outs[i].shape(), grad && outs[i].type().isFloating());
    }
    nodes.add(new Node(op, domain, ins.clone(), result, attrs));
    return result;
  }

  /** Records a differentiable operation (ignored while the backward pass is being emitted). */
  public void record(Value[] ins, Value[] outs, Vjp rule) {
    if (!recording) {
      return;
    }
    for (Value in : ins) {
      if (in != null && in.requiresGrad()) {
        tape.add(new TapeEntry(ins.clone(), outs.clone(), rule));
        return;
      }
    }
  }

  List<TapeEntry> tape() {
    return Collections.unmodifiableList(tape);
  }

  void setRecording(boolean on) {
    recording = on;
  }

  /** Marks {@code v} as a graph output called {@code name} (an Identity node when needed). */
  public Value output(String name, Value v) {
    if (v.graph != this) {
      throw new IllegalArgumentException(v + " belongs to another graph");
    }
    if (v.name == null && !inputSet.contains(v)) {
      claim(name);
      v.name = name;
      outputs.add(v);
      return v;
    }
    Value id = emit("Identity", "", new Value[] {v}, List.of(), new Out(v.type(), v.shape()))[0];
    claim(name);
    id.name = name;
    outputs.add(id);
    return id;
  }

  public List<Value> inputs() {
    return Collections.unmodifiableList(inputs);
  }

  public List<Value> outputs() {
    return Collections.unmodifiableList(outputs);
  }

  public int nodeCount() {
    return nodes.size();
  }

  private void claim(String name) {
    if (name == null || name.isEmpty() || !names.add(name)) {
      throw new IllegalArgumentException("graph value name '" + name + "' is empty or already used");
    }
  }

  private String nameOf(Value v) {
    if (v.name == null) {
      String n;
      do {
        n = "v" + counter++;
      } while (names.contains(n));
      names.add(n);
      v.name = n;
    }
    return v.name;
  }

  /** Serialises the graph into a model. */
  public ModelProto toModel(String graphName) {
    GraphProto.Builder g = GraphProto.newBuilder().setName(graphName);
    int i = 0;
    for (Node n : nodes) {
      NodeProto.Builder nb =
          NodeProto.newBuilder().setOpType(n.op()).setName(n.op() + "_" + i++).addAllAttribute(n.attrs());
      if (!n.domain().isEmpty()) {
        nb.setDomain(n.domain());
      }
      for (Value in : n.inputs()) {
        nb.addInput(in == null ? "" : nameOf(in));
      }
      for (Value out : n.outputs()) {
        nb.addOutput(nameOf(out));
      }
      g.addNode(nb);
    }
    for (Value v : inputs) {
      g.addInput(valueInfo(v.name(), v.type(), v.shape()));
    }
    for (Value v : outputs) {
      g.addOutput(valueInfo(v.name(), v.type(), v.shape()));
    }
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("gfn4j")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(MS).setVersion(1))
        .setGraph(g)
        .build();
  }

  /** A tensor value-info; dynamic dimensions are named {@link #BATCH}. */
  public static ValueInfoProto valueInfo(String name, DType type, long[] shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (long d : shape) {
      if (d == Value.DYNAMIC) {
        s.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
      } else {
        s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
      }
    }
    TypeProto.Tensor t = TypeProto.Tensor.newBuilder().setElemType(type.code).setShape(s).build();
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(t)).build();
  }

  /** A little-endian raw-data tensor proto. */
  public static TensorProto tensorProto(DType type, long[] shape, double[] values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * type.bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      switch (type) {
        case FLOAT -> buf.putFloat((float) v);
        case DOUBLE -> buf.putDouble(v);
        case INT32 -> buf.putInt((int) v);
        case INT64 -> buf.putLong((long) v);
        case BOOL -> buf.put((byte) (v != 0 ? 1 : 0));
      }
    }
    buf.flip();
    TensorProto.Builder b = TensorProto.newBuilder().setDataType(type.code).setRawData(ByteString.copyFrom(buf));
    for (long d : shape) {
      b.addDims(d);
    }
    return b.build();
  }
}
