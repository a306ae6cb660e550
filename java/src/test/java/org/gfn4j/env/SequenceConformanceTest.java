package org.gfn4j.env;

import java.util.List;
import org.gfn4j.env.sequence.SequenceFixtures;

/** The environment conformance kit over the sequence kinds: bitseq shapes, TFBind8 and QM9 tables, AMP. */
class SequenceConformanceTest extends EnvironmentConformanceKit {
  @Override
  protected List<String> specs() {
    return List.of(
        "bitseq:n=8,k=4,num_modes=5",
        "bitseq:n=8,k=1,num_modes=3,seed=9",
        "bitseq:n=24,k=3,num_modes=4,seed=2",
        "bitseq:n=32,k=8,num_modes=7",
        "tfbind8:table=" + SequenceFixtures.tfbindTable(),
        "qm9:table=" + SequenceFixtures.qm9Table(),
        "qm9:obs=tokens,table=" + SequenceFixtures.qm9Table(),
        "amp:length=3,proxy=" + SequenceFixtures.ampProxy(3),
        "amp");
  }

  /**
   * TFBind8 (87,381 states), small bitseq and AMP spaces are searched; QM9's 177,156 states are
   * left to its exact test against an independent pass over the table.
   */
  @Override
  protected long enumerationLimit() {
    return 100_000;
  }

  @Override
  protected int batchSize() {
    return 16;
  }
}
