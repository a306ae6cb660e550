package org.gfn4j.train;

import java.nio.file.Path;
import org.gfn4j.env.Environment;
import org.gfn4j.objective.Objective;

/** Checks a whole config against the environment it names, before anything is written. */
public final class TrainConfigs {
  private TrainConfigs() {}

  /** Throws IllegalArgumentException naming the first problem (spec, memory, objective, network, optimiser). */
  public static void validate(TrainConfig config, Path dataDir) {
    String backend = config.get(TrainKey.BACKEND);
    if (!backend.equals("native") && !backend.equals("java")) {
      throw new IllegalArgumentException("'backend' must be native or java, got '" + backend + "'");
    }
    Environment env = TrainSetup.environment(config, dataDir);
    ResourceCheck.check(config, env);
    Objective objective = TrainSetup.objective(config, env);
    if (objective.needsDeltaScores() && env.deltaScore().isEmpty()) {
      throw new IllegalArgumentException(objective.name() + " needs delta scores, which " + env.spec().name()
          + " does not define");
    }
    PolicyFactory.spec(config, env).validate();
    RewardLearners.validate(config, env);
    org.gfn4j.backward.BackwardChoice backward = TrainSetup.backwardChoice(config);
    if (backward.separateNetwork()
        && !java.util.List.of("tb", "db", "subtb", "softdqn", "mdqn").contains(objective.name())) {
      throw new IllegalArgumentException("backward_policy=" + config.get(TrainKey.BACKWARD_POLICY)
          + " works with tb, db, subtb, softdqn and mdqn, not " + objective.name());
    }
    PolicyFactory.optimizer(config, true);
    String replay = config.get(TrainKey.REPLAY);
    if (!replay.equals("none") && !replay.equals("uniform") && !replay.equals("prioritized")) {
      throw new IllegalArgumentException("'replay' must be none, uniform or prioritized, got '" + replay + "'");
    }
    if (TrainSetup.localSearch(config) != null) {
      org.gfn4j.localsearch.LocalSearch.requireAcyclic(env);
    }
    MctsSetup.settings(config, env);
    if (!replay.equals("none") && objective.needsWholeTrajectories()) {
      throw new IllegalArgumentException(
          "replay stores transitions: use it with db, fldb, mdb, softdqn or mdqn, not " + objective.name());
    }
  }
}
