package org.gfn4j.cli;

import com.google.gson.JsonObject;
import org.gfn4j.env.EnumerableEnvironment;
import org.gfn4j.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j exact}: exact log Z, terminal count and mean reward as one JSON object. */
@Command(name = "exact", mixinStandardHelpOptions = true, description = "Print exact log Z, number of terminal states and mean reward (JSON).")
final class ExactCommand implements Runnable {
  @ParentCommand Main main;

  @Mixin EnvOption envOption;

  @Override
  public void run() {
    Environment e = envOption.create();
    EnumerableEnvironment en = e.enumerable()
        .orElseThrow(() -> new IllegalArgumentException("environment '" + e.spec().name() + "' is not enumerable"));
    JsonObject o = new JsonObject();
    o.addProperty("log_z", en.logZ());
    o.addProperty("num_terminal", en.terminalCount());
    o.addProperty("mean_reward", en.meanReward());
    main.io().out().println(Json.compact(o));
  }
}
