// The phylo_transformer policy kind: gfnx's fldb_phylo network, gradient-checked and read through the environment.
package org.gfn4j.env.phylo;

import static org.junit.jupiter.api.Assertions.*;

import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.SharedData;
import org.gfn4j.env.StateBatch;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicyKind;
import org.gfn4j.policy.PolicyKinds;
import org.gfn4j.policy.PolicySettings;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.policy.check.GradientCheck;
import org.gfn4j.policy.check.ReferenceNetwork;
import org.gfn4j.policy.onnx.NetworkGraph;
import org.gfn4j.policy.onnx.ParameterInit;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PhyloPolicyTest {
  private static final PolicySettings SMALL =
      new PolicySettings(8, 2, Activation.LEAKY_RELU, 8, 2, 2, 8, 6, 8, 2);

  private static PolicySpec build(Environment env) {
    var obs = env.observationSpec();
    PhyloPolicy.register();
    return PolicyKinds.choose(PhyloPolicy.NAME, obs).build(obs, env.numActions(), env.numBackwardActions(), SMALL);
  }

  @Test
  void gradientsMatchFiniteDifferencesOfTheReferenceNetwork() {
    PolicySpec spec = PolicySpec.phylo(5, 6, 8, 2, 6, 8, 2, 2, 8, 8, 2, Activation.LEAKY_RELU)
        .head(PolicyKind.FORWARD, 10).head(PolicyKind.BACKWARD, 4).head(PolicyKind.LOG_FLOW, 1);
    GradientCheck.Result r = GradientCheck.run(spec, 3, 3);
    assertTrue(r.maxForwardError() < 1e-4, "forward error " + r.maxForwardError());
    assertTrue(r.maxRelError() < 1e-3, "gradient error " + r.maxRelError() + " " + r.tensors());
  }

  @Test
  void onEnvironmentObservationsTheGraphMatchesTheReferenceNetworksPairSums() {
    Environment env = Environments.create("phylo:dataset=DS1,taxa=4,sites=3", org.gfn4j.runtime.Backend.NATIVE,
        SharedData.root("phylo/DS1.json"));
    PolicySpec spec = build(env);
    assertEquals(PolicySpec.Kind.PHYLO, spec.kind());
    assertEquals(4, spec.maxLen());
    assertEquals(15, spec.inputSize());
    assertEquals(spec, PolicySpec.fromJson(spec.toJson()));
    int n = 2;
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 7, 1);
        StateBatch s = env.newBatch(n);
        StateBatch next = env.newBatch(n);
        Tensor<?> obs = env.observationSpec().allocate(n);
        Heads h = t.newHeads(n);
        var actions = org.gfn4j.tensor.IntTensor.of(new int[] {0, 5}, n);
        FloatTensor logR = FloatTensor.allocate(n)) {
      env.reset(s);
      env.step(s, actions, next, logR); // row 0 merges slots 0 and 1, row 1 slots 2 and 3
      env.observe(next, obs);
      t.forward(obs, h);
      assertArrayEquals(new long[] {n, 6}, h.get(PolicyKind.FORWARD).shape());
      assertArrayEquals(new long[] {n, 3}, h.get(PolicyKind.BACKWARD).shape());
      float[] values = ((FloatTensor) obs).toArray();
      double[] o = new double[values.length];
      for (int i = 0; i < o.length; i++) {
        o[i] = values[i];
      }
      var params = ParameterInit.initialize(NetworkGraph.of(spec).parameters(), 7).stream()
          .map(a -> { double[] d = new double[a.length]; for (int i = 0; i < a.length; i++) { d[i] = a[i]; } return d; })
          .toList();
      var ref = new ReferenceNetwork(spec).forward(o, n, params);
      float[] fwd = h.get(PolicyKind.FORWARD).toArray();
      for (int i = 0; i < fwd.length; i++) {
        assertEquals(ref.get(PolicyKind.FORWARD)[i], fwd[i], 1e-4, "pair logit " + i);
      }
      assertEquals(ref.get(PolicyKind.LOG_FLOW)[1], h.get(PolicyKind.LOG_FLOW).toArray()[1], 1e-4);
    }
  }
}
