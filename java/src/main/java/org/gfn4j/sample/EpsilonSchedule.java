package org.gfn4j.sample;

/**
 * Exploration probability per training step, as gfnx's optax schedules: constant, or
 * {@code optax.linear_schedule(start, end, steps)} — linear from start at step 0 to end at
 * {@code steps}, constant afterwards (and constant {@code start} when steps is 0, as optax).
 * Evaluated in float32 like optax's jnp arithmetic.
 */
public final class EpsilonSchedule {
  private final float start;
  private final float end;
  private final long steps;

  private EpsilonSchedule(float start, float end, long steps) {
    check("start", start);
    check("end", end);
    if (steps < 0) {
      throw new IllegalArgumentException("schedule steps must be non-negative, got " + steps);
    }
    this.start = start;
    this.end = end;
    this.steps = steps;
  }

  private static void check(String name, float value) {
    if (!(value >= 0f && value <= 1f)) {
      throw new IllegalArgumentException("epsilon " + name + " must lie in [0, 1], got " + value);
    }
  }

  public static EpsilonSchedule constant(float epsilon) {
    return new EpsilonSchedule(epsilon, epsilon, 0);
  }

  public static EpsilonSchedule linear(float start, float end, long steps) {
    return new EpsilonSchedule(start, end, steps);
  }

  /** Epsilon at training step {@code step} (negative steps count as 0). */
  public float at(long step) {
    if (steps == 0) {
      return start;
    }
    long count = Math.min(Math.max(step, 0), steps);
    float frac = 1f - (float) count / (float) steps;
    return (start - end) * frac + end;
  }

  public float start() {
    return start;
  }

  public float end() {
    return end;
  }

  public long steps() {
    return steps;
  }

  @Override
  public String toString() {
    return steps == 0 ? "constant(" + start + ")" : "linear(" + start + " -> " + end + " over " + steps + ")";
  }
}
