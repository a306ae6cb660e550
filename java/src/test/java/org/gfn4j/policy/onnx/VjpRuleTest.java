// Every VJP rule of the graph builder against central finite differences of the forward op.
package org.gfn4j.policy.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each operation: the gradient graph emitted by {@link Autodiff} (float, run by ORT) equals
 * the central finite difference of {@code L = Σ upstream·op(inputs)} computed by running the
 * same forward op in ORT in double precision (h = 1e-6). Ops ORT runs only in float (com.microsoft
 * Gelu) use float differences with a looser tolerance.
 */
class VjpRuleTest {
  record In(String name, DType type, long[] shape, boolean diff, double[] values) {}

  record Case(String name, List<In> inputs, BiFunction<Graph, Map<String, Value>, Value[]> body, DType fdType) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Random RNG = new Random(7);

  private static In x(String name, long... shape) {
    return new In(name, DType.FLOAT, shape, true, random(shape, false));
  }

  /** Values with |v| >= 0.1, so finite differences do not straddle a ReLU kink. */
  private static In away(String name, long... shape) {
    return new In(name, DType.FLOAT, shape, true, random(shape, true));
  }

  private static double[] random(long[] shape, boolean awayFromZero) {
    double[] v = new double[(int) Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      double r = RNG.nextGaussian();
      v[i] = awayFromZero ? Math.copySign(0.1 + Math.abs(r), r) : r;
    }
    return v;
  }

  private static Case c(String name, BiFunction<Graph, Map<String, Value>, Value[]> body, In... ins) {
    return new Case(name, List.of(ins), body, DType.DOUBLE);
  }

  private static Value[] one(Value v) {
    return new Value[] {v};
  }

  static Stream<Case> cases() {
    In idx = new In("idx", DType.INT32, new long[] {2, 3}, false, new double[] {0, 5, 2, 2, 0, 3});
    In cond = new In("cond", DType.BOOL, new long[] {3, 4}, false, new double[] {1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0});
    return Stream.of(
        c("matmul2d", (g, m) -> one(LinearOps.matmul(m.get("a"), m.get("b"))), x("a", 3, 4), x("b", 4, 5)),
        c("matmulBatched", (g, m) -> one(LinearOps.matmul(m.get("a"), m.get("b"))), x("a", 2, 3, 4, 5), x("b", 2, 3, 5, 2)),
        c("matmulSharedWeight", (g, m) -> one(LinearOps.matmul(m.get("a"), m.get("b"))), x("a", 2, 3, 4), x("b", 4, 5)),
        c("matmulBroadcastBatch", (g, m) -> one(LinearOps.matmul(m.get("a"), m.get("b"))), x("a", 2, 3, 4, 5), x("b", 3, 5, 2)),
        c("gemm", (g, m) -> one(LinearOps.gemm(m.get("a"), m.get("b"), m.get("c"), false, false)), x("a", 3, 4), x("b", 4, 5), x("c", 5)),
        c("gemmTransA", (g, m) -> one(LinearOps.gemm(m.get("a"), m.get("b"), m.get("c"), true, false)), x("a", 4, 3), x("b", 4, 5), x("c", 1, 5)),
        c("gemmTransB", (g, m) -> one(LinearOps.gemm(m.get("a"), m.get("b"), m.get("c"), false, true)), x("a", 3, 4), x("b", 5, 4), x("c", 3, 5)),
        c("gemmTransAB", (g, m) -> one(LinearOps.gemm(m.get("a"), m.get("b"), null, true, true)), x("a", 4, 3), x("b", 5, 4)),
        c("addBroadcast", (g, m) -> one(ElementwiseOps.add(m.get("a"), m.get("b"))), x("a", 3, 4), x("b", 4)),
        c("subBroadcast", (g, m) -> one(ElementwiseOps.sub(m.get("a"), m.get("b"))), x("a", 3, 1), x("b", 1, 4)),
        c("mulBroadcast", (g, m) -> one(ElementwiseOps.mul(m.get("a"), m.get("b"))), x("a", 2, 3, 4), x("b", 3, 1)),
        c("mulSameInput", (g, m) -> one(ElementwiseOps.mul(m.get("a"), m.get("a"))), x("a", 3, 4)),
        c("scaleAndNeg", (g, m) -> one(ElementwiseOps.neg(ElementwiseOps.scale(m.get("a"), 2.5))), x("a", 3, 4)),
        c("relu", (g, m) -> one(ElementwiseOps.relu(m.get("a"))), away("a", 3, 5)),
        c("leakyRelu", (g, m) -> one(ElementwiseOps.leakyRelu(m.get("a"), 0.01)), away("a", 3, 5)),
        new Case("gelu", List.of(x("a", 3, 5)), (g, m) -> one(ElementwiseOps.gelu(m.get("a"))), DType.FLOAT),
        c("tanh", (g, m) -> one(ElementwiseOps.tanh(m.get("a"))), x("a", 3, 5)),
        c("sigmoid", (g, m) -> one(ElementwiseOps.sigmoid(m.get("a"))), x("a", 3, 5)),
        c("layerNorm", (g, m) -> one(NormOps.layerNorm(m.get("a"), m.get("s"), m.get("b"), 1e-5)), x("a", 3, 6), x("s", 6), x("b", 6)),
        c("softmax", (g, m) -> one(NormOps.softmax(m.get("a"))), x("a", 3, 5)),
        c("logSoftmax", (g, m) -> one(NormOps.logSoftmax(m.get("a"))), x("a", 3, 5)),
        c("gather", (g, m) -> one(IndexOps.gather(m.get("t"), m.get("idx"))), x("t", 6, 4), idx),
        c("concat", (g, m) -> one(IndexOps.concat(1, m.get("a"), m.get("b"))), x("a", 2, 3), x("b", 2, 2)),
        c("slice", (g, m) -> one(IndexOps.slice(m.get("a"), 1, 1, 4)), x("a", 3, 6)),
        c("split", (g, m) -> IndexOps.split(m.get("a"), 1, 2, 4), x("a", 3, 6)),
        c("splitOnePieceUsed", (g, m) -> one(IndexOps.split(m.get("a"), 0, 1, 2)[1]), x("a", 3, 4)),
        c("reshape", (g, m) -> one(ShapeOps.reshape(m.get("a"), 6, 4)), x("a", 2, 3, 4)),
        c("transpose", (g, m) -> one(ShapeOps.transpose(m.get("a"), 2, 0, 1)), x("a", 2, 3, 4)),
        c("reduceSum", (g, m) -> one(ShapeOps.reduceSum(m.get("a"), false, 1)), x("a", 2, 3, 4)),
        c("reduceSumKeep", (g, m) -> one(ShapeOps.reduceSum(m.get("a"), true, -1)), x("a", 2, 3, 4)),
        c("reduceMean", (g, m) -> one(ShapeOps.reduceMean(m.get("a"), false, 0, 2)), x("a", 2, 3, 4)),
        c("where", (g, m) -> one(IndexOps.where(m.get("cond"), m.get("a"), m.get("b"))), cond, x("a", 3, 4), x("b", 4)),
        c("fanOutSum", (g, m) -> one(ElementwiseOps.add(ElementwiseOps.tanh(m.get("a")), LinearOps.matmul(m.get("a"), m.get("w")))),
            x("a", 3, 3), x("w", 3, 3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferences(Case k) {
    Map<String, double[]> feed = new LinkedHashMap<>();
    for (In in : k.inputs()) {
      feed.put(in.name(), in.values());
    }
    // Analytic gradients from the emitted backward graph, in float.
    Graph ga = new Graph();
    Map<String, Value> ins = new LinkedHashMap<>();
    List<Value> wrt = new ArrayList<>();
    for (In in : k.inputs()) {
      Value v = in.diff() ? ga.differentiableInput(in.name(), in.type(), in.shape()) : ga.input(in.name(), in.type(), in.shape());
      ins.put(in.name(), v);
      if (in.diff()) {
        wrt.add(v);
      }
    }
    Value[] ys = k.body().apply(ga, ins);
    Map<Value, Value> seeds = new LinkedHashMap<>();
    for (int i = 0; i < ys.length; i++) {
      Value u = ga.input("u" + i, DType.FLOAT, ys[i].shape());
      seeds.put(ys[i], u);
      feed.put("u" + i, random(ys[i].shape(), false));
    }
    Map<Value, Value> grads = Autodiff.gradients(ga, seeds, wrt);
    grads.forEach((v, gv) -> ga.output("grad." + v.name(), gv));
    Map<String, double[]> analytic;
    try (GraphRunner r = new GraphRunner(ga.toModel("vjp"))) {
      analytic = r.run(feed);
    }
    // The forward op alone, in the finite-difference precision.
    Graph gn = new Graph();
    Map<String, Value> nins = new LinkedHashMap<>();
    for (In in : k.inputs()) {
      nins.put(in.name(), gn.input(in.name(), in.type() == DType.FLOAT ? k.fdType() : in.type(), in.shape()));
    }
    Value[] nys = k.body().apply(gn, nins);
    Value loss = null;
    for (int i = 0; i < nys.length; i++) {
      Value u = gn.input("u" + i, k.fdType(), nys[i].shape());
      Value term = ShapeOps.reduceSum(ElementwiseOps.mul(nys[i], u), false, axes(nys[i].rank()));
      loss = loss == null ? term : ElementwiseOps.add(loss, term);
    }
    gn.output("loss", loss);
    boolean isDouble = k.fdType() == DType.DOUBLE;
    double h = isDouble ? 1e-6 : 1e-2;
    double tol = isDouble ? 1e-4 : 2e-2;
    try (GraphRunner r = new GraphRunner(gn.toModel("fd"))) {
      for (In in : k.inputs()) {
        if (!in.diff()) {
          continue;
        }
        double[] a = analytic.get("grad." + in.name());
        double[] base = feed.get(in.name());
        double scale = 1e-3;
        double worst = 0;
        double[] fd = new double[base.length];
        for (int j = 0; j < base.length; j++) {
          double[] plus = base.clone();
          double[] minus = base.clone();
          if (!isDouble) {
            // Perturb by exactly representable float steps.
            plus[j] = (float) (plus[j] + h);
            minus[j] = (float) (minus[j] - h);
          } else {
            plus[j] += h;
            minus[j] -= h;
          }
          double lp = r.run(with(feed, in.name(), plus)).get("loss")[0];
          double lm = r.run(with(feed, in.name(), minus)).get("loss")[0];
          fd[j] = (lp - lm) / (plus[j] - minus[j]);
          scale = Math.max(scale, Math.abs(fd[j]));
        }
        for (int j = 0; j < base.length; j++) {
          worst = Math.max(worst, Math.abs(a[j] - fd[j]));
        }
        assertTrue(worst <= tol * scale,
            k.name() + " d/d" + in.name() + ": max |analytic - fd| = " + worst + " at gradient scale " + scale);
      }
    }
  }

  private static long[] axes(int rank) {
    long[] a = new long[rank];
    for (int i = 0; i < rank; i++) {
      a[i] = i;
    }
    return a;
  }

  private static Map<String, double[]> with(Map<String, double[]> feed, String name, double[] v) {
    Map<String, double[]> m = new LinkedHashMap<>(feed);
    m.put(name, v);
    return m;
  }
}
