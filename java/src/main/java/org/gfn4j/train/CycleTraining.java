package org.gfn4j.train;

import java.util.Locale;
import org.gfn4j.env.Environment;
import org.gfn4j.objective.CycleSettings;
import org.gfn4j.objective.Objectives;

/** The training settings of the objectives for cycles (ndb, ndb_flow, sdb), with the environment's first edge. */
final class CycleTraining {
  private CycleTraining() {}

  static CycleSettings settings(TrainConfig c, Environment env) {
    String objective = c.get(TrainKey.OBJECTIVE).trim().toLowerCase(Locale.ROOT);
    String regText = c.get(TrainKey.FLOW_REG).trim();
    double reg;
    if (regText.equals("auto")) {
      reg = objective.equals("ndb") ? Objectives.DEFAULT_NDB_REG : 0.0;
    } else {
      try {
        reg = Double.parseDouble(regText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'flow_reg' must be auto or a number >= 0, got '" + regText + "'");
      }
    }
    String scale = c.get(TrainKey.SDB_SCALE).trim();
    if (!scale.equals("flow") && !scale.equals("log")) {
      throw new IllegalArgumentException("'sdb_scale' must be flow or log, got '" + scale + "'");
    }
    return new CycleSettings(reg, c.getDouble(TrainKey.SDB_ALPHA), c.getDouble(TrainKey.SDB_BETA),
        c.getDouble(TrainKey.SDB_EPS), c.getDouble(TrainKey.SDB_ETA), scale.equals("log"), 0.0, -1)
        .withFirstEdge(env.firstEdge());
  }
}
