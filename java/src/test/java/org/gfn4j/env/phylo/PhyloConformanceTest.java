package org.gfn4j.env.phylo;

import java.util.List;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentConformanceKit;
import org.gfn4j.env.Environments;
import org.gfn4j.env.SharedData;
import org.gfn4j.runtime.Backend;

/**
 * The environment conformance kit over phylogenetic trees, native and Java: DS1 (27 taxa) and DS5
 * (50 taxa) on few sites, and DS1's first 5 taxa, whose 266 forests the enumeration checks cover.
 */
class PhyloConformanceTest extends EnvironmentConformanceKit {
  @Override
  protected List<String> specs() {
    return List.of("phylo:dataset=DS1,sites=7", "phylo:dataset=DS5,sites=3", "phylo:dataset=DS1,taxa=5,sites=40");
  }

  @Override
  protected List<Backend> backends() {
    return List.of(Backend.NATIVE, Backend.JAVA);
  }

  /** gfnx observes the roots' Fitch sets only: forests of one slot partition can observe alike. */
  @Override
  protected boolean observationsDistinguishStates() {
    return false;
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
