package org.gfn4j.env.dag;

import java.util.List;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentConformanceKit;
import org.gfn4j.env.Environments;
import org.gfn4j.runtime.Backend;

/** The environment conformance kit over DAGs of 1 to 5 nodes (d = 5: all 29,281 DAGs), both scores. */
class DagConformanceTest extends EnvironmentConformanceKit {
  @Override
  protected List<String> specs() {
    return List.of("dag:nodes=1", "dag:nodes=2", "dag:nodes=3,score=lingauss", "dag:nodes=4", "dag:nodes=5");
  }

  @Override
  protected Environment create(String spec, Backend backend) {
    return Environments.create(spec, backend, TestData.root());
  }
}
