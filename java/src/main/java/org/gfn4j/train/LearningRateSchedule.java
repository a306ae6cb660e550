package org.gfn4j.train;

/**
 * The network learning rate per optimizer step: constant, or optax's
 * {@code warmup_cosine_decay_schedule(init 0, peak, warmup, decaySteps, end)} as gfnx's fldb_phylo
 * uses it — linear from 0 at step 0 to the peak at {@code warmup}, then a half cosine from the peak
 * to {@code end} over the {@code decaySteps − warmup} steps after (optax counts the warmup in
 * decaySteps), constant {@code end} afterwards.
 */
public final class LearningRateSchedule {
  private final double peak;
  private final double end;
  private final long warmup;
  private final long decaySteps;
  private final boolean constant;

  private LearningRateSchedule(double peak, double end, long warmup, long decaySteps, boolean constant) {
    if (!(peak > 0) || !(end >= 0) || warmup < 0 || decaySteps < warmup) {
      throw new IllegalArgumentException("learning-rate schedule needs peak > 0, end >= 0 and 0 <= warmup <= decay"
          + " steps, got peak " + peak + ", end " + end + ", warmup " + warmup + ", decay steps " + decaySteps);
    }
    this.peak = peak;
    this.end = end;
    this.warmup = warmup;
    this.decaySteps = decaySteps;
    this.constant = constant;
  }

  public static LearningRateSchedule constant(double lr) {
    return new LearningRateSchedule(lr, lr, 0, 0, true);
  }

  public static LearningRateSchedule warmupCosine(double peak, double end, long warmup, long decaySteps) {
    return new LearningRateSchedule(peak, end, warmup, decaySteps, false);
  }

  /** From the settings lr, lr_schedule, lr_end, lr_warmup and lr_decay_steps (0: the run's steps). */
  static LearningRateSchedule of(TrainConfig c) {
    double lr = c.getDouble(TrainKey.LR);
    switch (c.get(TrainKey.LR_SCHEDULE)) {
      case "constant":
        return constant(lr);
      case "warmup_cosine":
        int decay = c.getInt(TrainKey.LR_DECAY_STEPS);
        return warmupCosine(lr, c.getDouble(TrainKey.LR_END), c.getInt(TrainKey.LR_WARMUP),
            decay == 0 ? c.getInt(TrainKey.STEPS) : decay);
      default:
        throw new IllegalArgumentException("'lr_schedule' must be constant or warmup_cosine, got '"
            + c.get(TrainKey.LR_SCHEDULE) + "'");
    }
  }

  public boolean isConstant() {
    return constant;
  }

  /** The learning rate of optimizer step {@code step} (counted from 0; negative counts as 0). */
  public double at(long step) {
    if (constant) {
      return peak;
    }
    long t = Math.max(0, step);
    if (t < warmup) {
      return peak * t / warmup;
    }
    long span = decaySteps - warmup;
    if (span == 0) {
      return end;
    }
    double progress = Math.min(t - warmup, span) / (double) span;
    return end + (peak - end) * 0.5 * (1 + Math.cos(Math.PI * progress));
  }
}
