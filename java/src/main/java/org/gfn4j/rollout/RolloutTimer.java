package org.gfn4j.rollout;

/** Accumulates where rollout time goes (for {@code gfn4j bench}); NONE ignores it. */
public interface RolloutTimer {
  void policy(long nanos);

  void env(long nanos);

  RolloutTimer NONE = new RolloutTimer() {
    @Override
    public void policy(long nanos) {}

    @Override
    public void env(long nanos) {}
  };
}
