package org.gfn4j.env;

import java.util.List;

/**
 * The environment conformance kit on the 2×2×2 cube. Its 7.3M states exceed the enumeration
 * limit (the declared bound says so without searching), so the kit checks dynamics, masks,
 * inversion and native/Java agreement on rollouts, not the enumerated space.
 */
class Cube2ConformanceTest extends EnvironmentConformanceKit {
  @Override
  protected List<String> specs() {
    return List.of("cube2", "cube2:max_steps=20");
  }

  @Override
  protected boolean randomBackwardWalksReturn() {
    return false;
  }
}
