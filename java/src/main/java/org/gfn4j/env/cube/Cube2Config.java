package org.gfn4j.env.cube;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gfn4j.env.EnvSpec;

/** Parameters of the 2×2×2 cube environment: only the step cap. */
public record Cube2Config(int maxSteps) {
  public static final int MAX_STEPS_LIMIT = 1 << 16;
  /**
   * The default step cap: 64. A uniform policy exits with probability 1/7 per step, so about one
   * trajectory in 20,000 hits it before training; the farthest state is 14 quarter turns away.
   */
  public static final int DEFAULT_MAX_STEPS = 64;
  public static final Set<String> KEYS = Set.of("max_steps");

  public Cube2Config {
    if (maxSteps < 2 || maxSteps > MAX_STEPS_LIMIT) {
      throw new IllegalArgumentException("'max_steps' must be in [2, " + MAX_STEPS_LIMIT + "], got " + maxSteps);
    }
  }

  public static Cube2Config fromSpec(EnvSpec spec) {
    spec.requireKeys(KEYS);
    return new Cube2Config(spec.getInt("max_steps", DEFAULT_MAX_STEPS, 2, MAX_STEPS_LIMIT));
  }

  public EnvSpec toSpec() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("max_steps", Integer.toString(maxSteps));
    return EnvSpec.of("cube2", p);
  }
}
