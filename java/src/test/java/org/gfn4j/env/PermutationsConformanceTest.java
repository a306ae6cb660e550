package org.gfn4j.env;

import java.util.List;

/** The environment conformance kit over permutation sizes, the smallest (n = 2) included. */
class PermutationsConformanceTest extends EnvironmentConformanceKit {
  @Override
  protected List<String> specs() {
    return List.of("permutations:n=2", "permutations:n=3,t=1", "permutations:n=4", "permutations:n=6,t=0.5",
        "permutations:n=7", "permutations:n=10,max_steps=40", "permutations:n=5,source=fixed:0.7");
  }
}
