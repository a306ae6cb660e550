package org.gfn4j.train;

import org.gfn4j.rollout.Trajectories;

/** Counts over a rolled-out trajectory block that the trainer records each iteration. */
final class BlockStats {
  private BlockStats() {}

  static long realTransitions(Trajectories prefix) {
    java.nio.ByteBuffer pad = prefix.pad.buffer();
    long n = 0;
    for (int i = prefix.batch(); i < prefix.slots() * prefix.batch(); i++) {
      n += pad.get(i) == 0 ? 1 : 0;
    }
    return n;
  }

  static boolean anyTruncated(Trajectories block) {
    for (int b = 0; b < block.batch(); b++) {
      if (block.isTruncated(b)) {
        return true;
      }
    }
    return false;
  }

  /** log R of every trajectory of the block: the reward of its single rewarded transition. */
  static double[] finalLogRewards(Trajectories prefix, int used) {
    double[] out = new double[prefix.batch()];
    java.nio.FloatBuffer r = prefix.logReward.buffer();
    for (int t = 0; t + 1 < used; t++) {
      for (int b = 0; b < out.length; b++) {
        out[b] += r.get(t * out.length + b);
      }
    }
    return out;
  }

}
