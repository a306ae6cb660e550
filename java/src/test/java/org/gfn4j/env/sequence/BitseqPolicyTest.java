// The bitseq_transformer policy kind: gfnx's head layout over [BOS] + words, in the environment's action order.
package org.gfn4j.env.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.env.ObservationSpec;
import org.gfn4j.env.StateBatch;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicyKind;
import org.gfn4j.policy.PolicyKinds;
import org.gfn4j.policy.PolicySettings;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.policy.Pooling;
import org.gfn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BitseqPolicyTest {
  private static final PolicySettings SMALL = new PolicySettings(8, 1, Activation.RELU, 8, 1, 2, 8);

  private static PolicySpec build(Environment env) {
    ObservationSpec obs = env.observationSpec();
    return PolicyKinds.choose(BitseqPolicy.NAME, obs).build(obs, env.numActions(), env.numBackwardActions(), SMALL);
  }

  @Test
  void bitseqHeadsAreOnePerWordAfterBos() {
    Environment env = Environments.create("bitseq");
    PolicySpec spec = build(env);
    assertEquals(16, spec.maxLen());
    assertEquals(259, spec.vocab());
    assertEquals(-1, spec.padToken(), "gfnx's bitseq encoder has no pad mask");
    assertEquals(3840, spec.heads().get(0).size());
    assertEquals(256, spec.heads().get(0).units());
    assertEquals(15, spec.heads().get(1).size());
    assertEquals(Pooling.FIRST, spec.heads().get(2).pooling());
    int n = 3;
    try (PolicyTrainer t = PolicyTrainer.create(spec, OptimizerConfig.adam(1e-3), 1, 1);
        StateBatch states = env.newBatch(n);
        Tensor<?> obs = env.observationSpec().allocate(n);
        Heads h = t.newHeads(n)) {
      env.reset(states);
      env.observe(states, obs);
      t.forward(obs, h);
      assertArrayEquals(new long[] {n, 3840}, h.get(PolicyKind.FORWARD).shape());
      assertArrayEquals(new long[] {n, 15}, h.get(PolicyKind.BACKWARD).shape());
      assertArrayEquals(new long[] {n, 1}, h.get(PolicyKind.LOG_FLOW).shape());
    }
  }

  @Test
  void forwardLogitOfActionPositionTimesNcharPlusWordReadsThatWordsSlot() {
    // Same parameters (names, shapes, seed) with and without the skip: the skipping head must be the
    // full per-position head with the BOS block cut off, so logit a belongs to word slot a / nchar.
    // (Gemm over another row count may round the last bit differently, hence 1e-5.)
    Environment env = Environments.create("bitseq:n=16,k=4");
    PolicySpec skip = build(env);
    PolicySpec full = PolicySpec.transformer(skip.vocab(), skip.maxLen(), 8, 1, 2, 8)
        .perPositionHead(PolicyKind.FORWARD, 16).perPositionHead(PolicyKind.BACKWARD, 1)
        .pooledHead(PolicyKind.LOG_FLOW, 1, Pooling.FIRST);
    int n = 2;
    try (PolicyTrainer a = PolicyTrainer.create(skip, OptimizerConfig.adam(1e-3), 4, 1);
        PolicyTrainer b = PolicyTrainer.create(full, OptimizerConfig.adam(1e-3), 4, 1);
        StateBatch states = env.newBatch(n);
        Tensor<?> obs = env.observationSpec().allocate(n);
        Heads ha = a.newHeads(n);
        Heads hb = b.newHeads(n)) {
      env.reset(states);
      env.setState(states, 1, env.parseObject("1010011100001111"), true);
      env.observe(states, obs);
      a.forward(obs, ha);
      b.forward(obs, hb);
      float[] fa = ha.get(PolicyKind.FORWARD).toArray();
      float[] fb = hb.get(PolicyKind.FORWARD).toArray();
      float[] ba = ha.get(PolicyKind.BACKWARD).toArray();
      float[] bb = hb.get(PolicyKind.BACKWARD).toArray();
      for (int r = 0; r < n; r++) {
        assertArrayEquals(Arrays.copyOfRange(fb, r * 80 + 16, r * 80 + 80), Arrays.copyOfRange(fa, r * 64, r * 64 + 64), 1e-5f);
        assertArrayEquals(Arrays.copyOfRange(bb, r * 5 + 1, r * 5 + 5), Arrays.copyOfRange(ba, r * 4, r * 4 + 4), 1e-5f);
      }
      assertArrayEquals(hb.get(PolicyKind.LOG_FLOW).toArray(), ha.get(PolicyKind.LOG_FLOW).toArray(), 1e-5f);
    }
  }

  @Test
  void bitseqPresetsUseTheKind() {
    Environments.factory("bitseq");
    assertTrue(PolicyKinds.names().contains(BitseqPolicy.NAME));
    for (Map<String, String> p : SequencePresets.bitseq().values()) {
      assertEquals(BitseqPolicy.NAME, p.get("policy"));
    }
    BitseqPolicy.register(); // a second registration is a no-op, not a duplicate-name error
    assertEquals(1, PolicyKinds.names().stream().filter(BitseqPolicy.NAME::equals).count());
  }

  @Test
  void layoutsWithoutOneBackwardActionPerWordAreRefused() {
    PolicyKind k = new BitseqPolicy();
    ObservationSpec obs = ObservationSpec.tokens(9, 7, 6);
    assertThrows(IllegalArgumentException.class, () -> k.build(obs, 5, 1, SMALL));
    assertThrows(IllegalArgumentException.class, () -> k.build(obs, 33, 8, SMALL));
  }
}
