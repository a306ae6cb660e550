package org.gfn4j.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.train.RunDirectory;
import org.gfn4j.train.TrainKey;
import org.gfn4j.train.TrainRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --out as a Hadoop file system URI (file:// here, through Hadoop's FileSystem like hdfs://):
 * runs train in scratch copies and are uploaded; an interrupted run there is pulled and resumed.
 */
class HadoopOutTest {
  @TempDir Path tmp;

  @Test
  void aSweepToAHadoopUriUploadsItsRunsAndResumesAnInterruptedOne() throws Exception {
    Path grid = SweepTest.grid(tmp, "{\"presets\": [\"db_hypergrid\"], \"seeds\": [1, 2], \"set\": {"
        + SweepTest.SETTINGS + "}}");
    Path dir = tmp.resolve("remote");
    String uri = dir.toUri().toString();
    assertTrue(uri.startsWith("file:/"), uri);
    SweepRun interrupted = Grid.load(grid, null).get(1);
    // what a killed run leaves on the file system: its first checkpoint (step 20), no summary
    Path partial = dir.resolve("runs").resolve(interrupted.id());
    TrainRun.run(new TrainRun.Options(interrupted.config().with(TrainKey.STEPS, "20"), partial, false, null, null,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false));
    Files.delete(partial.resolve(RunDirectory.SUMMARY));

    Sweep.Report report = SweepTest.sweep(grid, "file://" + dir, 3, 0);
    assertEquals(1, report.count(RunResult.Status.TRAINED), report.toString());
    assertEquals(1, report.count(RunResult.Status.RESUMED), report.toString());
    Path straight = tmp.resolve("straight");
    TrainRun.run(new TrainRun.Options(interrupted.config(), straight, false, null, null,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false));
    assertEquals(SweepTest.summary(straight), SweepTest.summary(partial), "resumed from the uploaded checkpoint");
    for (Results.Row row : report.rows()) {
      assertTrue(Files.isRegularFile(dir.resolve("runs").resolve(row.run().id()).resolve(RunDirectory.POLICY)));
    }
    assertEquals(3, Files.readAllLines(dir.resolve(Results.CSV)).size());
    assertTrue(Files.size(dir.resolve("plots/exact_tv.png")) > 0);

    Sweep.Report again = SweepTest.sweep(grid, "file://" + dir, 3, 0);
    assertEquals(2, again.count(RunResult.Status.SKIPPED), "finished runs are found on the file system");
  }
}
