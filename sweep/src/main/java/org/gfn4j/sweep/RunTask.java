package org.gfn4j.sweep;

import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.gfn4j.train.TrainRun;

/**
 * The Spark task of one grid combination, run in an executor JVM: skips a finished run, resumes
 * one that has a checkpoint, else trains from scratch through {@link TrainRun}. A failure is
 * recorded and rethrown so Spark retries it; on the last attempt it becomes a FAILED result.
 */
final class RunTask implements Function<SweepRun, RunResult> {
  private static final long serialVersionUID = 1L;
  private final String out;
  private final String dataDir;
  private final int maxAttempts;
  private final int injectedFaults;

  /** {@code injectedFaults}: test hook, the first that many attempts of every run throw before training. */
  RunTask(Path out, Path dataDir, int maxAttempts, int injectedFaults) {
    this.out = out.toString();
    this.dataDir = dataDir == null ? null : dataDir.toString();
    this.maxAttempts = maxAttempts;
    this.injectedFaults = injectedFaults;
  }

  @Override
  public RunResult call(SweepRun run) {
    TaskContext context = TaskContext.get();
    int attempt = context == null ? 0 : context.attemptNumber();
    RunFiles files = new RunFiles(Paths.get(out));
    try {
      return train(run, files, attempt);
    } catch (Exception | LinkageError | OutOfMemoryError e) {
      String message = describe(e);
      files.recordError(run, attempt + 1, message);
      if (attempt + 1 < maxAttempts) {
        throw new IllegalStateException("run " + run.id() + " (" + run.setting() + ", seed " + run.seed()
            + "), attempt " + (attempt + 1) + ": " + message, e);
      }
      return new RunResult(run.id(), RunResult.Status.FAILED, null, message);
    }
  }

  private RunResult train(SweepRun run, RunFiles files, int attempt) throws Exception {
    String done = files.summary(run);
    if (done != null) {
      return new RunResult(run.id(), RunResult.Status.SKIPPED, done, files.lastError(run));
    }
    if (attempt < injectedFaults) {
      throw new IllegalStateException("injected fault (test hook)");
    }
    boolean resume = files.resumable(run);
    if (!resume) {
      files.clear(run);
    }
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    JsonObject summary = TrainRun.run(new TrainRun.Options(run.config(), files.runDir(run), resume, null,
        dataDir == null ? null : Paths.get(dataDir), quiet, false));
    return new RunResult(run.id(), resume ? RunResult.Status.RESUMED : RunResult.Status.TRAINED, summary.toString(),
        files.lastError(run));
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.replace('\n', ' '));
  }
}
