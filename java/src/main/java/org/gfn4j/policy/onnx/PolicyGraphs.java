// Builds the eval, training and optimizer models of a policy for ORT's training API.
package org.gfn4j.policy.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicySpec;

/**
 * The three models {@code CreateTrainingSession} loads, following the conventions of
 * ort-training.md §3:
 *
 * <ul>
 *   <li>eval: inputs {@code [obs, params…]}, outputs the heads;
 *   <li>training: inputs {@code [obs, upstream.<head>…, params…, <p>_grad.accumulation.buffer…,
 *       lazy_reset_grad]}, outputs {@code [loss, <p>_grad.accumulation.out…]}. The loss is
 *       {@code Σ_head Σ head·upstream}, so the parameter gradients are those of any loss whose
 *       {@code dLoss/dHead} the caller feeds as {@code upstream}; each gradient is accumulated
 *       in place by {@code InPlaceAccumulatorV2};
 *   <li>optimizer: {@code AdamWOptimizer(learning_rate, step, params, gradients,
 *       first_order_moments, second_order_moments) → adamw.updated_flag (BOOL[1])}.
 * </ul>
 *
 * Parameters appear in the same order in both graphs (ORT's EvalStep relies on it).
 */
public final class PolicyGraphs {
  public static final String OBS = "obs";
  public static final String LOSS = "loss";
  public static final String UPSTREAM_PREFIX = "upstream.";
  public static final String LAZY_RESET = "lazy_reset_grad";
  /** Suffix of the debug outputs that expose raw parameter gradients (not a gradient-buffer suffix). */
  public static final String GRADIENT_SUFFIX = ".gradient";

  private PolicyGraphs() {}

  private static Value observation(Graph g, PolicySpec spec) {
    DType t = spec.floatObservations() ? DType.FLOAT : DType.INT32;
    return g.input(OBS, t, Value.DYNAMIC, spec.observationWidth());
  }

  private static List<Value> parameters(Graph g, NetworkGraph net) {
    List<Value> ps = new ArrayList<>();
    for (ParameterSpec p : net.parameters()) {
      ps.add(g.parameter(p.name(), p.shape()));
    }
    return ps;
  }

  public static ModelProto eval(PolicySpec spec) {
    NetworkGraph net = NetworkGraph.of(spec);
    Graph g = new Graph();
    Value obs = observation(g, spec);
    Map<String, Value> heads = net.forward(obs, parameters(g, net));
    heads.forEach(g::output);
    return g.toModel("gfn4j_policy_eval");
  }

  /**
   * The training model; with {@code exposeGradients} it also outputs each raw parameter gradient
   * as {@code <param>.gradient} (used by gradient checks).
   */
  public static ModelProto training(PolicySpec spec, boolean exposeGradients) {
    NetworkGraph net = NetworkGraph.of(spec);
    Graph g = new Graph();
    Value obs = observation(g, spec);
    Map<String, Value> upstream = upstreamInputs(g, spec);
    List<Value> params = parameters(g, net);
    Map<String, Value> heads = net.forward(obs, params);
    Value loss = null;
    Map<Value, Value> seeds = new LinkedHashMap<>();
    for (var e : heads.entrySet()) {
      Value u = upstream.get(e.getKey());
      seeds.put(e.getValue(), u);
      Value term = g.emit("ReduceSum", "", new Value[] {g.emit("Mul", "", new Value[] {e.getValue(), u}, List.of(),
              new Graph.Out(DType.FLOAT, e.getValue().shape()))[0]}, List.of(Attr.i("keepdims", 0)),
          new Graph.Out(DType.FLOAT, new long[0]))[0];
      loss = loss == null ? term
          : g.emit("Add", "", new Value[] {loss, term}, List.of(), new Graph.Out(DType.FLOAT, new long[0]))[0];
    }
    g.output(LOSS, loss);
    accumulate(g, params, Autodiff.gradients(g, seeds, params), exposeGradients);
    return g.toModel("gfn4j_policy_training");
  }

  /**
   * The training model of an MLP that takes the hidden activations of a forward pass already
   * made ({@link MlpBackwardGraph}): inputs {@code [obs, act.0…, actT.0…, upstream.<head>…, params…,
   * buffers…, lazy_reset_grad]}, outputs {@code [loss = Σ upstream (a by-product), …]}; the same gradients as {@link #training}
   * without its forward pass.
   */
  public static ModelProto trainingFromActivations(PolicySpec spec, boolean exposeGradients) {
    NetworkGraph net = NetworkGraph.of(spec);
    Graph g = new Graph();
    Value obs = observation(g, spec);
    List<Value> acts = MlpBackwardGraph.activationInputs(g, spec);
    List<Value> actsT = MlpBackwardGraph.transposedInputs(g, spec);
    Map<String, Value> upstream = upstreamInputs(g, spec);
    List<Value> params = parameters(g, net);
    accumulate(g, params, MlpBackwardGraph.gradients(spec, obs, acts, actsT, upstream, params), exposeGradients);
    return g.toModel("gfn4j_policy_training");
  }

  private static Map<String, Value> upstreamInputs(Graph g, PolicySpec spec) {
    Map<String, Value> upstream = new LinkedHashMap<>();
    for (var h : spec.heads()) {
      upstream.put(h.name(), g.input(UPSTREAM_PREFIX + h.name(), DType.FLOAT, Value.DYNAMIC, h.size()));
    }
    return upstream;
  }

  /** Gradient buffers, the reset flag and one InPlaceAccumulatorV2 per parameter. */
  private static void accumulate(Graph g, List<Value> params, Map<Value, Value> grads, boolean exposeGradients) {
    List<Value> buffers = new ArrayList<>();
    for (Value p : params) {
      buffers.add(g.input(p.name() + "_grad.accumulation.buffer", DType.FLOAT, p.shape()));
    }
    Value reset = g.input(LAZY_RESET, DType.BOOL, 1);
    for (int i = 0; i < params.size(); i++) {
      Value p = params.get(i);
      Value flag = g.emit("InPlaceAccumulatorV2", Graph.MS, new Value[] {buffers.get(i), grads.get(p), reset},
          List.of(), new Graph.Out(DType.BOOL, new long[] {1}))[0];
      g.output(p.name() + "_grad.accumulation.out", flag);
    }
    if (exposeGradients) {
      for (Value p : params) {
        g.output(p.name() + GRADIENT_SUFFIX, grads.get(p));
      }
    }
  }

  /** The AdamW optimizer model (one group; ORT feeds the sequences). */
  public static ModelProto optimizer(OptimizerConfig cfg) {
    var seq = TypeProto.newBuilder().setSequenceType(
        TypeProto.Sequence.newBuilder().setElemType(
            TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(DType.FLOAT.code)))).build();
    var graph = GraphProto.newBuilder().setName("gfn4j_adamw")
        .addInput(Graph.valueInfo("learning_rate", DType.FLOAT, new long[] {1}))
        .addInput(Graph.valueInfo("step", DType.INT64, new long[] {1}));
    String[] seqs = {"params", "gradients", "first_order_moments", "second_order_moments"};
    for (String s : seqs) {
      graph.addInput(ValueInfoProto.newBuilder().setName(s).setType(seq));
    }
    graph.addNode(NodeProto.newBuilder()
        .setOpType("AdamWOptimizer").setDomain(Graph.MS).setName("AdamWOptimizer0")
        .addInput("learning_rate").addInput("step").addInput("params").addInput("gradients")
        .addInput("first_order_moments").addInput("second_order_moments")
        .addOutput("adamw.updated_flag")
        .addAttribute(Attr.f("alpha", cfg.beta1()))
        .addAttribute(Attr.f("beta", cfg.beta2()))
        .addAttribute(Attr.f("epsilon", cfg.epsilon()))
        .addAttribute(Attr.f("weight_decay", cfg.weightDecay()))
        .addAttribute(Attr.i("adam_mode", 0))
        .addAttribute(Attr.i("correct_bias", 1)));
    graph.addOutput(Graph.valueInfo("adamw.updated_flag", DType.BOOL, new long[] {1}));
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("gfn4j")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(Graph.OPSET))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(Graph.MS).setVersion(1))
        .setGraph(graph)
        .build();
  }
}
