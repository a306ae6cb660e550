package org.gfn4j.env;

import java.util.List;

/** The environment conformance kit over non-acyclic hypergrids (moves=pm), edge cases (D=1, H=2) included. */
class CyclicHypergridConformanceTest extends EnvironmentConformanceKit {
  @Override
  protected List<String> specs() {
    return List.of(
        "hypergrid:dim=1,side=2,moves=pm",
        "hypergrid:dim=1,side=7,moves=pm",
        "hypergrid:dim=2,side=2,moves=pm",
        "hypergrid:dim=2,side=8,moves=pm",
        "hypergrid:dim=3,side=5,reward=hard,moves=pm",
        "hypergrid:dim=2,side=5,moves=pm,source=corner:0.8",
        "hypergrid:dim=4,side=20,moves=pm");
  }
}
