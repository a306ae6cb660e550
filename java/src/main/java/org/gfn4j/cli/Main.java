package org.gfn4j.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.gfn4j.io.Inputs;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gfn4j} command line. Bad input (an IllegalArgumentException anywhere below, or a
 * usage error) prints one message and exits with code 2; no stack trace reaches the user.
 */
@Command(
    name = "gfn4j",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "GFlowNets on the JVM over a hand-written native core.",
    footer = "%nAlso: gfn4j sweep --grid FILE [--master URL] [--out DIR] [--parallelism N] "
        + "(grids of training runs on Apache Spark; the launcher runs it from the sweep module).",
    subcommands = {
      EnvsCommand.class,
      ExactCommand.class,
      RewardCommand.class,
      GradcheckCommand.class,
      TrainCommand.class,
      SampleCommand.class,
      BenchCommand.class,
      ProxyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  public static final int EXIT_BAD_INPUT = 2;
  static final int MESSAGE_LIMIT = 400;

  private final CliIo io;

  Main(CliIo io) {
    this.io = io;
  }

  CliIo io() {
    return io;
  }

  /** {@code gfn4j} alone is a usage error: the usage goes to stderr and the exit code is 2. */
  @Override
  public Integer call() {
    CommandLine.usage(this, io.err());
    return EXIT_BAD_INPUT;
  }

  /** One printable line of at most {@link #MESSAGE_LIMIT} characters, whatever input it quotes. */
  static String message(Throwable ex) {
    String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : Inputs.printable(ex.getMessage());
    return m.length() <= MESSAGE_LIMIT ? m : m.substring(0, MESSAGE_LIMIT) + "...";
  }

  public static void main(String[] args) {
    System.exit(execute(System.in, System.out, System.err, args));
  }

  /** Runs the CLI on the given streams and returns the exit code (used by main and tests). */
  public static int execute(InputStream in, PrintStream out, PrintStream err, String... args) {
    CliIo io = new CliIo(in, out, err);
    CommandLine cl = new CommandLine(new Main(io));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
            commandLine.getErr().println("gfn4j " + commandLine.getCommandName() + ": " + message(ex));
            return EXIT_BAD_INPUT;
          }
          throw ex;
        });
    cl.setParameterExceptionHandler(
        (ex, argv) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("gfn4j: " + message(ex));
          c.getErr().println("Try 'gfn4j " + (c == cl ? "" : c.getCommandName() + " ") + "--help'.");
          return EXIT_BAD_INPUT;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
