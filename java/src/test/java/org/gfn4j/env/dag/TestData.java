package org.gfn4j.env.dag;

import java.nio.file.Path;
import org.gfn4j.env.SharedData;

/** The shared data root and the default DAG data set, for the DAG tests. */
final class TestData {
  private TestData() {}

  static Path root() {
    return SharedData.root("dag/" + DagConfig.DEFAULT_DATA);
  }

  static DagData defaultData() {
    return DagData.read(root().resolve("dag").resolve(DagConfig.DEFAULT_DATA));
  }
}
