package org.gfn4j.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.gfn4j.env.ClosedForm;
import org.gfn4j.env.StateSpace;
import org.gfn4j.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gfn4j exact}: exact log Z, terminal count and mean reward as one JSON object, plus the
 * environment's summaries of the target distribution where it has them (a DAG's edge marginals).
 */
@Command(name = "exact", mixinStandardHelpOptions = true, description = "Print exact log Z, number of terminal states, mean reward and the environment's summaries of the target distribution (JSON).")
final class ExactCommand implements Runnable {
  @ParentCommand Main main;

  @Mixin EnvOption envOption;

  @Option(names = "--max-states", paramLabel = "N", defaultValue = "4194304",
      description = "largest state space to enumerate when no closed form exists (default: ${DEFAULT-VALUE})")
  long maxStates;

  @Override
  public void run() {
    Environment e = envOption.create();
    JsonObject o = new JsonObject();
    ClosedForm closed = e.closedForm().orElse(null);
    if (closed != null) {
      o.addProperty("log_z", closed.logZ());
      o.addProperty("num_terminal", closed.terminalCount());
      o.addProperty("mean_reward", closed.meanReward());
    } else {
      StateSpace space = StateSpace.enumerate(e, maxStates);
      o.addProperty("log_z", space.logZ());
      o.addProperty("num_terminal", space.numTerminalStates());
      o.addProperty("mean_reward", space.meanReward());
      e.summaries(space, space.trueDistribution()).forEach((name, m) -> o.add(name, matrix(m)));
    }
    main.io().out().println(Json.compact(o));
  }

  private static JsonArray matrix(double[][] m) {
    JsonArray rows = new JsonArray();
    for (double[] row : m) {
      JsonArray r = new JsonArray();
      for (double v : row) {
        r.add(v);
      }
      rows.add(r);
    }
    return rows;
  }
}
