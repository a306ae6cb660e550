package org.gfn4j.env.sequence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;

/**
 * gfnx's AMP proxy architecture (transformer encoder: 4 layers, 8 heads, 64 dimensions, PAD
 * masked in attention, mean pool, Linear → one logit) and the default proxy: that network with
 * parameters initialised from a fixed seed, built in memory with our ONNX builder. It is
 * deterministic but untrained, a stand-in so that {@code amp} runs out of the box; train a real
 * one with {@code gfn4j proxy train}.
 */
public final class AmpProxies {
  public static final String ALPHABET = "ARNDCEQGHILKMFPSTWYV";
  public static final int LENGTH = 60;
  /** gfnx's proxy vocabulary size (token ids above PAD are never produced). */
  public static final int VOCAB = 29;
  public static final int PAD = 22;
  public static final long DEFAULT_SEED = 1;
  public static final String LOGIT = "logit";

  private static byte[] defaultModel;

  private AmpProxies() {}

  /** The proxy network over int32 tokens [n, 60], head {@value #LOGIT} of size 1. */
  public static PolicySpec spec() {
    return PolicySpec.transformer(VOCAB, LENGTH, 64, 4, 8, 64).withPadMask(PAD).head(LOGIT, 1).validate();
  }

  /** gfnx's proxy optimiser: AdamW, learning rate 1e-4, weight decay 1e-6. */
  public static OptimizerConfig optimizer() {
    return OptimizerConfig.adamw(1e-4, 1e-6);
  }

  /** The serialized default proxy (built once per JVM). */
  public static synchronized byte[] defaultModel() {
    if (defaultModel == null) {
      try {
        Path tmp = Files.createTempFile("gfn4j-amp-proxy", ".onnx");
        try (PolicyTrainer t = PolicyTrainer.create(spec(), optimizer(), DEFAULT_SEED, 1)) {
          t.exportInference(tmp);
          defaultModel = Files.readAllBytes(tmp);
        } finally {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot build the default AMP proxy", e);
      }
    }
    return defaultModel.clone();
  }
}
