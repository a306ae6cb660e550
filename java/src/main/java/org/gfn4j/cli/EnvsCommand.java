package org.gfn4j.cli;

import java.io.PrintStream;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.env.Environments;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j envs}: the environments and their spec keys with defaults. */
@Command(name = "envs", mixinStandardHelpOptions = true, description = "List environments and their parameters.")
final class EnvsCommand implements Runnable {
  @ParentCommand Main main;

  @Override
  public void run() {
    PrintStream out = main.io().out();
    for (EnvironmentFactory f : Environments.factories()) {
      out.println(f.name() + " - " + f.description());
      for (EnvParameter p : f.parameters()) {
        out.printf("  %-8s default %-6s %s%n", p.key(), p.defaultValue(), p.description());
      }
    }
    out.println();
    out.println("Spec grammar: name:key=value,...  e.g. hypergrid:dim=4,side=20,reward=hard");
  }
}
