package org.gfn4j.env.ising;

import java.util.List;
import org.gfn4j.env.EnvironmentConformanceKit;

/** The environment conformance kit over Ising tori from 1×1 to 6×6 (enumeration checks up to 3×3). */
class IsingConformanceTest extends EnvironmentConformanceKit {
  @Override
  protected List<String> specs() {
    return List.of("ising:side=1", "ising:side=2", "ising:side=3,sigma=-0.3", "ising:side=6");
  }
}
