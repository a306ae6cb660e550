package org.gfn4j.sweep;

import java.io.Serializable;
import java.util.Map;
import org.gfn4j.train.TrainConfig;

/**
 * One combination of a grid: the preset, seed and --set values that produced it, its setting
 * (the label shared by its seeds: preset plus the --set values the grid varies, e.g.
 * "tb_hypergrid steps=500"), and the fully resolved config (config.json text) whose hash is the run id.
 */
public record SweepRun(String id, String preset, long seed, Map<String, String> set, String setting,
    String configJson) implements Serializable {
  /** The settings this run trains with. */
  public TrainConfig config() {
    return TrainConfig.fromJson(configJson);
  }

  /** The run directory's name under DIR/runs. */
  public String dirName() {
    return id;
  }
}
