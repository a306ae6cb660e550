package org.gfn4j.sweep;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gfn4j sweep}: a grid of training runs on Apache Spark. Bad input prints one line and
 * exits 2 before any task starts; exit 1 when some run failed on every attempt.
 */
@Command(name = "gfn4j sweep", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = SweepCommand.Version.class,
    description = "Train every combination of a grid (presets x seeds x --set values) as Spark tasks.")
public final class SweepCommand implements java.util.concurrent.Callable<Integer> {
  public static final int EXIT_BAD_INPUT = 2;
  private final PrintStream log;

  @Option(names = "--grid", required = true, paramLabel = "FILE",
      description = "grid, JSON (or YAML: *.yaml): {\"presets\": [...], \"seeds\": [...], \"set\": {\"KEY\": [values...]}}")
  Path grid;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
      description = "Spark master: local[*] (default, embedded), local[N], spark://HOST:PORT, yarn, k8s://URL")
  String master;

  @Option(names = "--out", paramLabel = "DIR",
      description = "sweep directory: a path, or a Hadoop URI (hdfs://, s3a://...) on a cluster (default: runs/sweep-<grid name>)")
  String out;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
      description = "runs training at once (local: threads, default all cores; cluster: spark.cores.max)")
  int parallelism;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3", description = "attempts per run (default 3)")
  int maxAttempts;

  @Option(names = "--data", paramLabel = "DIR",
      description = "dataset root (default: $GFN4J_DATA, else ../shared/data next to the repository)")
  Path data;

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SweepCommand.class.getPackage().getImplementationVersion();
      return new String[] {"gfn4j sweep " + (v == null ? "(unpackaged)" : v)};
    }
  }

  SweepCommand(PrintStream log) {
    this.log = log;
  }

  @Override
  public Integer call() {
    String dir = out != null ? out
        : Paths.get("runs", "sweep-" + grid.getFileName().toString().replaceAll("\\.(json|ya?ml)$", "")).toString();
    Sweep.Report report = Sweep.run(new Sweep.Options(grid, master, dir, parallelism, maxAttempts, dataDir(), log,
        System.console() != null, 0));
    long failed = report.count(RunResult.Status.FAILED);
    log.printf("gfn4j sweep: %d trained, %d resumed, %d finished before, %d failed -> %s, %s, plots/%n",
        report.count(RunResult.Status.TRAINED), report.count(RunResult.Status.RESUMED),
        report.count(RunResult.Status.SKIPPED), failed, dir + "/" + Results.CSV, Results.JSONL);
    return failed == 0 ? 0 : 1;
  }

  private Path dataDir() {
    if (data != null) {
      return data;
    }
    String env = System.getenv("GFN4J_DATA");
    if (env != null && !env.isBlank()) {
      return Paths.get(env);
    }
    return Paths.get(System.getProperty("gfn4j.home", ".")).toAbsolutePath().normalize().resolveSibling("shared")
        .resolve("data");
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, System.err, args));
  }

  /** Runs the command with progress on {@code out} and messages on {@code err}; returns the exit code. */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    CommandLine cl = new CommandLine(new SweepCommand(out));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
        commandLine.getErr().println("gfn4j sweep: " + ex.getMessage());
        return EXIT_BAD_INPUT;
      }
      if (ex instanceof SweepFailure) {
        commandLine.getErr().println("gfn4j sweep: " + ex.getMessage());
        return 1;
      }
      throw ex;
    });
    cl.setParameterExceptionHandler((ex, argv) -> {
      ex.getCommandLine().getErr().println("gfn4j sweep: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try 'gfn4j sweep --help'.");
      return EXIT_BAD_INPUT;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
