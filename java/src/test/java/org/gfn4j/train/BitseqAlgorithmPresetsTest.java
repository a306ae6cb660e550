// mdqn_bitseq and tlm_tb_bitseq train bit sequences end to end with the paper's settings shrunk.
package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BitseqAlgorithmPresetsTest {
  @TempDir Path tmp;

  private static TrainConfig small(String preset, int steps) {
    return TrainRunTest.small(preset, "bitseq:n=16,k=4", steps, steps).with(TrainKey.TF_DIM, "16")
        .with(TrainKey.TF_LAYERS, "1").with(TrainKey.TF_HEADS, "2").with(TrainKey.TF_FEED_FORWARD, "16")
        .with(TrainKey.CORR_OBJECTS, "32");
  }

  @Test
  void mdqnBitseqUsesPrioritizedReplayAndAHardTargetCopy() {
    TrainConfig c = small("mdqn_bitseq", 12).with(TrainKey.REPLAY_MIN, "64").with(TrainKey.REPLAY_BATCH, "32");
    assertEquals("prioritized", c.get(TrainKey.REPLAY));
    assertEquals(1.0, c.getDouble(TrainKey.TARGET_TAU));
    assertEquals(5, c.getInt(TrainKey.TARGET_EVERY));
    assertEquals(-25.0, c.getDouble(TrainKey.MDQN_L0));
    JsonObject summary = TrainRunTest.run(c, tmp.resolve("mdqn"), false);
    assertEquals(12, summary.get("steps").getAsInt());
    assertTrue(Double.isFinite(summary.get("loss").getAsDouble()), summary.toString());
  }

  @Test
  void tlmTbBitseqFitsASeparateBackwardPolicy() {
    TrainConfig c = small("tlm_tb_bitseq", 6);
    assertEquals("tlm", c.get(TrainKey.BACKWARD_POLICY));
    assertEquals(0.9999, c.getDouble(TrainKey.PB_LR_DECAY));
    JsonObject summary = TrainRunTest.run(c, tmp.resolve("tlm"), false);
    assertEquals(6, summary.get("steps").getAsInt());
    assertTrue(Double.isFinite(summary.get("log_z_learned").getAsDouble()), summary.toString());
  }
}
