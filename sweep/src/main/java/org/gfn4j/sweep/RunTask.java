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
  private final RunStore store;
  private final String dataDir;
  private final int maxAttempts;
  private final int injectedFaults;

  /** {@code injectedFaults}: test hook, the first that many attempts of every run throw before training. */
  RunTask(RunStore store, Path dataDir, int maxAttempts, int injectedFaults) {
    this.store = store;
    this.dataDir = dataDir == null ? null : dataDir.toString();
    this.maxAttempts = maxAttempts;
    this.injectedFaults = injectedFaults;
  }

  @Override
  public RunResult call(SweepRun run) {
    TaskContext context = TaskContext.get();
    int attempt = context == null ? 0 : context.attemptNumber();
    Path local = null;
    try {
      String done = store.summary(run);
      if (done != null) {
        return new RunResult(run.id(), RunResult.Status.SKIPPED, done, store.lastError(run));
      }
      if (attempt < injectedFaults) {
        throw new IllegalStateException("injected fault (test hook)");
      }
      local = store.checkout(run);
      RunResult result = train(run, local);
      store.commit(run, local);
      return result;
    } catch (Exception | LinkageError | OutOfMemoryError e) {
      String message = describe(e);
      store.recordError(run, attempt + 1, message);
      keepPartial(run, local);
      if (attempt + 1 < maxAttempts) {
        throw new IllegalStateException("run " + run.id() + " (" + run.setting() + ", seed " + run.seed()
            + "), attempt " + (attempt + 1) + ": " + message, e);
      }
      return new RunResult(run.id(), RunResult.Status.FAILED, null, message);
    }
  }

  private RunResult train(SweepRun run, Path dir) throws Exception {
    boolean resume = RunStore.resumable(dir);
    if (!resume) {
      // what a run leaves before its first checkpoint cannot be resumed: start again
      RunStore.deleteTree(dir);
    }
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    JsonObject summary = TrainRun.run(new TrainRun.Options(run.config(), dir, resume, null,
        dataDir == null ? null : Paths.get(dataDir), quiet, false));
    return new RunResult(run.id(), resume ? RunResult.Status.RESUMED : RunResult.Status.TRAINED, summary.toString(),
        store.lastError(run));
  }

  /** After a failure, keeps what the run reached (its checkpoint) where the next attempt looks. */
  private void keepPartial(SweepRun run, Path local) {
    if (local != null && RunStore.resumable(local)) {
      try {
        store.commit(run, local);
      } catch (Exception | LinkageError e) {
        store.recordError(run, 0, "could not keep the partial run: " + describe(e));
      }
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.replace('\n', ' '));
  }
}
