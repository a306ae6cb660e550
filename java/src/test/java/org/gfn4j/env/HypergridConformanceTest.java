package org.gfn4j.env;

import java.util.List;

/** The environment conformance kit over hypergrid shapes, edge cases (D=1, H=2) included. */
class HypergridConformanceTest extends EnvironmentConformanceKit {
  @Override
  protected List<String> specs() {
    return List.of(
        "hypergrid:dim=1,side=2",
        "hypergrid:dim=1,side=7",
        "hypergrid:dim=2,side=2",
        "hypergrid:dim=2,side=8",
        "hypergrid:dim=3,side=5,reward=hard",
        "hypergrid:dim=2,side=11,r0=0,r1=0.5,r2=2.0",
        "hypergrid:dim=4,side=20,reward=hard");
  }
}
