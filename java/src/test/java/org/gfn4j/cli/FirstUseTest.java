package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gfn4j.train.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: usage, consistent options, refusals as one line, and a clean terminal. */
class FirstUseTest {
  @TempDir Path tmp;

  @Test
  void noSubcommandPrintsUsageOnStderrAndExits2() {
    CliTest.Result r = CliTest.run("");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Usage: gfn4j") && r.err().contains("train"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void benchAcceptsEnvAndBatchLikeTrain() {
    CliTest.Result r = CliTest.run("", "bench", "--env", "hypergrid:dim=2,side=3", "--batch", "3", "--steps", "2",
        "--warmup", "0", "--set", "hidden=8");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("hypergrid:dim=2,side=3") && r.out().contains("batch 3,"), r.out());
    assertEquals(2, CliTest.run("", "bench", "--batch", "0").code());
  }

  @Test
  void dataIsDocumentedAsTheDatasetRootWithoutAWorkspacePath() {
    for (String cmd : new String[] {"train", "bench", "exact", "reward"}) {
      String help = CliTest.run("", cmd, "--help").out();
      assertTrue(help.contains("--data") && help.contains("dataset root"), cmd + ": " + help);
      assertFalse(help.contains("shared/") || help.contains("../"), cmd + ": " + help);
    }
  }

  @Test
  void impossibleRunsExitWith2InOneLineAndCreateNothing() {
    Path out = tmp.resolve("run");
    for (String set : new String[] {"hidden=1000000", "depth=10000000", "eval_rounds=2000000000",
        "corr_objects=2000000000", "threads=100000", "hidden=\u0664", "batch=99999999999"}) {
      CliTest.Result r = CliTest.run("", "train", "--set", set, "--out", out.toString());
      assertEquals(2, r.code(), set + ": " + r.err());
      assertEquals(1, r.err().trim().lines().count(), set + ": " + r.err());
      assertFalse(Files.exists(out), set + " created the run directory");
    }
  }

  @Test
  void aConfigJsonHoldingNullOrAnObjectIsRefusedOnResume() throws Exception {
    for (String value : new String[] {"null", "{\"a\": 1}"}) {
      Path dir = Files.createDirectories(tmp.resolve("r" + value.length()));
      Files.writeString(dir.resolve(RunDirectory.CONFIG), "{\"hidden\": " + value + "}");
      CliTest.Result r = CliTest.run("", "train", "--resume", dir.toString());
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("'hidden' must be a string or number"), r.err());
    }
  }

  /** 2 GiB of '1' without a line break, generated as it is read. */
  private static InputStream endlessLine() {
    return new InputStream() {
      long left = 1L << 31;

      @Override
      public int read() {
        return left-- > 0 ? '1' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int n = (int) Math.min(len, left);
        if (n <= 0) {
          return -1;
        }
        java.util.Arrays.fill(b, off, off + n, (byte) '1');
        left -= n;
        return n;
      }
    };
  }

  @Test
  void aHugeRewardLineStopsAtTheLineLimit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(endlessLine(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "reward");
    assertEquals(2, code);
    assertEquals("gfn4j reward: line 1 is longer than 1048576 characters", err.toString(StandardCharsets.UTF_8).trim());
  }

  @Test
  void messagesEchoLittleOfTheInputAndOnlyPrintableCharacters() {
    String spec = "hypergrid:dim=4,side=" + "7".repeat(5000) + "\u001b[2J";
    CliTest.Result r = CliTest.run("", "exact", "--env", spec);
    assertEquals(2, r.code());
    String line = r.err().trim();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.length() <= 430, line.length() + ": " + line);
    assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), line);
    CliTest.Result reward = CliTest.run("1,2,\u0000\u001b,4\n", "reward");
    assertTrue(reward.err().trim().chars().allMatch(c -> c >= 0x20 && c < 0x7f), reward.err());
  }

  private static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void aSecondProcessCannotWriteARunThatIsInUse() throws Exception {
    Path out = tmp.resolve("run");
    assertEquals(0, CliTest.run("", "train", "--env", "hypergrid:dim=2,side=3", "--steps", "4", "--eval-every", "2",
        "--set", "hidden=8", "--out", out.toString()).code());
    try (RunDirectory held = RunDirectory.open(out).lock()) {
      List<String> cmd = javaCommand("train", "--resume", out.toString(), "--steps", "6");
      Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(2, p.exitValue(), err);
      assertTrue(err.contains("in use by another gfn4j train"), err);
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  @Test
  void theBarIsDrawnOnAStderrTerminalEvenWithStdoutRedirected() throws Exception {
    assumeTrue(onPath("script"), "needs util-linux script to give the child a terminal");
    Path summary = tmp.resolve("stdout.json");
    StringBuilder sh = new StringBuilder("COLUMNS=72 ");
    for (String a : javaCommand("train", "--env", "hypergrid:dim=2,side=3", "--steps", "40", "--eval-every", "20",
        "--set", "hidden=8", "--out", tmp.resolve("run").toString())) {
      sh.append(shellQuote(a)).append(' ');
    }
    sh.append("> ").append(shellQuote(summary.toString()));
    Process p = new ProcessBuilder("script", "-qec", sh.toString(), "/dev/null").redirectErrorStream(true).start();
    p.getOutputStream().close();
    String terminal = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), terminal);
    assertTrue(terminal.contains("\r[") && terminal.contains("evals left 0"), terminal);
    for (String drawn : terminal.split("\r")) {
      String text = drawn.replace("\u001b[K", "").strip();
      assertTrue(text.length() < 72, "fits 72 columns: " + text);
    }
    assertTrue(Files.readString(summary).startsWith("{"), "stdout still carries the summary alone");
  }

  @Test
  void quietMavenPrintsNoEscapeCodes() throws Exception {
    assumeTrue(onPath("mvn"), "needs mvn");
    Path root = Path.of(System.getProperty("gfn4j.repoRoot", "..")).toAbsolutePath().normalize();
    Process p = new ProcessBuilder("mvn", "-q", "-o", "-N", "validate").directory(root.toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertFalse(out.contains("\u001b"), "escape codes in: " + out.replace("\u001b", "ESC"));
  }

  @Test
  void theLibraryPullsOnlyOnePlatformsNativeArtifacts() throws Exception {
    Path root = Path.of(System.getProperty("gfn4j.repoRoot", "..")).toAbsolutePath().normalize();
    String pom = Files.readString(root.resolve("java").resolve("pom.xml"));
    assertFalse(pom.matches("(?s).*<artifactId>[a-z-]+-platform</artifactId>.*"), "no *-platform artifact");
    for (String artifact : new String[] {"javacpp", "onnxruntime", "dnnl", "opencl"}) {
      assertTrue(pom.matches("(?s).*<artifactId>" + artifact + "</artifactId>\\s*<version>[^<]+</version>\\s*"
          + "<classifier>\\$\\{javacpp.platform}</classifier>.*"), artifact + " for ${javacpp.platform}");
    }
    for (String jar : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      assertFalse(jar.matches(".*-(macosx|windows|android|ios)-[a-z0-9_]+\\.jar"), jar);
    }
  }
}
