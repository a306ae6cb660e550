// tb_bitseq with gfnx's bitseq heads trains end to end, checkpoints and resumes exactly.
package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BitseqPolicyRunTest {
  @TempDir Path tmp;

  private static TrainConfig small(int steps) {
    return TrainRunTest.small("tb_bitseq", "bitseq:n=16,k=4", steps, 10).with(TrainKey.TF_DIM, "16")
        .with(TrainKey.TF_LAYERS, "1").with(TrainKey.TF_HEADS, "2").with(TrainKey.TF_FEED_FORWARD, "16")
        .with(TrainKey.CORR_OBJECTS, "32");
  }

  @Test
  void tbBitseqTrainsWithPerWordHeadsAndResumesExactly() throws Exception {
    TrainConfig c = small(20);
    assertEquals("bitseq_transformer", c.get(TrainKey.POLICY));
    Path straight = tmp.resolve("straight");
    JsonObject summary = TrainRunTest.run(c, straight, false);
    assertEquals(20, summary.get("steps").getAsInt());
    assertTrue(Double.isFinite(summary.get("log_z_learned").getAsDouble()), summary.toString());
    assertTrue(Files.size(straight.resolve(RunDirectory.POLICY)) > 0);
    Path split = tmp.resolve("split");
    TrainRunTest.run(small(10), split, false);
    TrainRunTest.run(c, split, true);
    TrainRunTest.assertSameEvaluations(straight, split);
  }
}
