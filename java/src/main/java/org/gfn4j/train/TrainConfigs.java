package org.gfn4j.train;

import java.nio.file.Path;
import org.gfn4j.env.Backend;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.objective.Objectives;

/** Checks a whole config against the environment it names, before anything is written. */
public final class TrainConfigs {
  private TrainConfigs() {}

  /** Throws IllegalArgumentException naming the first problem (spec, memory, objective, network, optimiser). */
  public static void validate(TrainConfig config, Path dataDir) {
    Environment env = Environments.create(config.get(TrainKey.ENV), Backend.NATIVE, dataDir);
    ResourceCheck.check(config, env);
    Objectives.create(Trainer.objectiveSpec(config, env));
    PolicyFactory.spec(config, env).validate();
    PolicyFactory.optimizer(config, true);
    String replay = config.get(TrainKey.REPLAY);
    if (!replay.equals("none") && !replay.equals("uniform")) {
      throw new IllegalArgumentException("'replay' must be none or uniform, got '" + replay + "'");
    }
    String objective = config.get(TrainKey.OBJECTIVE);
    if (replay.equals("uniform") && (objective.equals("tb") || objective.equals("subtb"))) {
      throw new IllegalArgumentException(
          "replay stores transitions: use it with db, fldb, mdb or softdqn, not " + objective);
    }
  }
}
