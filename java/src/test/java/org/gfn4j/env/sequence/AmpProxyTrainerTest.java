package org.gfn4j.env.sequence;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Random;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;

/** The AMP proxy trainer learns a synthetic labelling and writes a model the amp environment reads. */
class AmpProxyTrainerTest {
  /** Random peptides labelled 1 when they hold more K than D: learnable from token counts. */
  static Path synthetic(String name, int n, long seed) {
    Random rng = new Random(seed);
    StringBuilder csv = new StringBuilder("sequence,label\n");
    for (int i = 0; i < n; i++) {
      int len = 5 + rng.nextInt(20);
      StringBuilder s = new StringBuilder();
      int k = 0;
      int d = 0;
      for (int j = 0; j < len; j++) {
        char c = rng.nextInt(3) == 0 ? (rng.nextBoolean() ? 'K' : 'D') : AmpProxies.ALPHABET.charAt(rng.nextInt(20));
        k += c == 'K' ? 1 : 0;
        d += c == 'D' ? 1 : 0;
        s.append(c);
      }
      csv.append(s).append(',').append(k > d ? 1 : 0).append('\n');
    }
    return SequenceFixtures.write(name, csv.toString());
  }

  @Test
  void validationLossFallsOnASyntheticLabelling() {
    AmpProxyTrainer.Dataset data = AmpProxyTrainer.read(synthetic("proxy-train.csv", 400, 5));
    PolicySpec small = PolicySpec.transformer(AmpProxies.VOCAB, AmpProxies.LENGTH, 16, 1, 2, 32)
        .withPadMask(AmpProxies.PAD).head(AmpProxies.LOGIT, 1);
    AmpProxyTrainer.Settings s = new AmpProxyTrainer.Settings(small,
        org.gfn4j.policy.OptimizerConfig.adamw(3e-3, 1e-6), 32, 8, 1, 8, 0.2, 1, 1);
    Path out = SequenceFixtures.dir().resolve("proxy-small.onnx");
    AmpProxyTrainer.Result r = AmpProxyTrainer.train(data, s, out);
    double[] v = r.validationLoss();
    assertEquals(80, r.validationSize());
    assertTrue(v[r.bestRound()] < 0.9 * v[0], "validation loss " + java.util.Arrays.toString(v));
    Environment env = Environments.create("amp:proxy=" + out, Backend.NATIVE);
    double[] logR = env.logRewards(env.parseObject("KKKKKKAG"), 1);
    double[] logR2 = env.logRewards(env.parseObject("DDDDDDAG"), 1);
    assertTrue(logR[0] > logR2[0], "the trained proxy prefers K-rich peptides: " + logR[0] + " vs " + logR2[0]);
  }

  @Test
  void malformedDatasetsNameTheirLine() {
    Path letter = SequenceFixtures.write("proxy-bad.csv", "sequence,label\nARND,1\nARNB,0\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AmpProxyTrainer.read(letter));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'B'"), e.getMessage());
    Path label = SequenceFixtures.write("proxy-label.csv", "sequence,label\nARND,2\n");
    e = assertThrows(IllegalArgumentException.class, () -> AmpProxyTrainer.read(label));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }
}
