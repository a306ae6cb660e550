package org.gfn4j.env.phylo;

import java.util.List;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentConformanceKit;
import org.gfn4j.env.Environments;
import org.gfn4j.env.SharedData;
import org.gfn4j.runtime.Backend;

/** The environment conformance kit over phylogenetic trees of DS1 (27 taxa) and DS5 (50 taxa), few sites. */
class PhyloConformanceTest extends EnvironmentConformanceKit {
  @Override
  protected List<String> specs() {
    return List.of("phylo:dataset=DS1,sites=7", "phylo:dataset=DS5,sites=3");
  }

  @Override
  protected List<Backend> backends() {
    return List.of(Backend.JAVA); // the dynamics are Java on both backends
  }

  @Override
  protected int batchSize() {
    return 12;
  }

  @Override
  protected Environment create(String spec, Backend backend) {
    return Environments.create(spec, backend, SharedData.root("phylo/DS1.json"));
  }
}
