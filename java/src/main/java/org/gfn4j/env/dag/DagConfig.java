package org.gfn4j.env.dag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gfn4j.env.DataRoot;
import org.gfn4j.env.EnvSpec;

/**
 * A parsed {@code dag:nodes=D,score=bge|lingauss,data=FILE} spec with its data loaded. A relative
 * data path resolves against {@code <data root>/dag}, then the data root itself; {@code nodes}
 * (default: every column) takes the first D variables of the data.
 */
public record DagConfig(int nodes, String scoreName, String dataName, DagData data) {
  public static final int MAX_NODES = 32;
  public static final String DEFAULT_DATA = "synthetic_d5_n100.csv";
  private static final Set<String> KEYS = Set.of("nodes", "score", "data");

  public static DagConfig fromSpec(EnvSpec spec, Path dataDir) {
    spec.requireKeys(KEYS);
    String score = spec.getString("score", "bge");
    if (!score.equals("bge") && !score.equals("lingauss")) {
      throw new IllegalArgumentException("'score' must be bge or lingauss, got '" + score + "'");
    }
    String dataName = spec.getString("data", DEFAULT_DATA);
    DagData all = DagData.read(resolve(dataName, dataDir));
    int columns = all.numVariables();
    int nodes = spec.getInt("nodes", Math.min(columns, MAX_NODES), 1, MAX_NODES);
    if (nodes > columns) {
      throw new IllegalArgumentException("'nodes' = " + nodes + " but the data have only " + columns + " variables");
    }
    return new DagConfig(nodes, score, dataName, firstColumns(all, nodes));
  }

  /** A relative path against {@code <root>/dag}, else {@code <root>} (root: {@link DataRoot#orDefault}). */
  static Path resolve(String name, Path dataDir) {
    Path p = Path.of(name);
    if (p.isAbsolute()) {
      return p;
    }
    Path root = DataRoot.orDefault(dataDir);
    Path inDag = root.resolve("dag").resolve(p);
    return Files.exists(inDag) ? inDag : root.resolve(p);
  }

  private static DagData firstColumns(DagData all, int nodes) {
    if (nodes == all.numVariables()) {
      return all;
    }
    double[][] s = new double[all.numSamples()][];
    for (int i = 0; i < s.length; i++) {
      s[i] = java.util.Arrays.copyOf(all.samples()[i], nodes);
    }
    return new DagData(all.names().subList(0, nodes), s);
  }

  /** The configured score over the data (uncached). */
  public LocalScore score() {
    return scoreName.equals("bge") ? new BGeScore(data) : new LinearGaussianScore(data);
  }

  public EnvSpec toSpec() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("nodes", Integer.toString(nodes));
    p.put("score", scoreName);
    p.put("data", dataName);
    return EnvSpec.of("dag", p);
  }
}
