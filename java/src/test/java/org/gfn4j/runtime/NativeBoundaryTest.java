package org.gfn4j.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No public method that reaches native code can crash the JVM: each is called with mismatched
 * shapes, closed handles and nulls in a child JVM (a crash there fails this test instead of
 * killing the suite), and each call must end in a Java exception that names the problem.
 */
class NativeBoundaryTest {
  /** What a rejected call may throw: bad argument, closed handle, index out of range, null. */
  private static final Set<String> ACCEPTED = Set.of(IllegalArgumentException.class.getName(),
      IllegalStateException.class.getName(), IndexOutOfBoundsException.class.getName(),
      NullPointerException.class.getName());

  record Child(int exit, List<String> lines, String stderr) {}

  static Child runProbe(String... args) throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
        "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/gfn4j-probe-hs_err_%p.log",
        "-cp", System.getProperty("java.class.path"), NativeBoundaryProbe.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe finished");
    return new Child(p.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList(),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void resetOfABatchOfAnotherWidthThrowsInsteadOfCrashing() throws Exception {
    Child c = runProbe("reset/issue-case");
    assertEquals(0, c.exit(), "child JVM died (exit " + c.exit() + "): " + c.lines() + " " + c.stderr());
    assertTrue(c.lines().contains("result reset/issue-case " + IllegalArgumentException.class.getName()),
        c.lines().toString());
  }

  @Test
  void everyNativeReachingCallRejectsBadArgumentsWithAJavaException() throws Exception {
    Child c = runProbe();
    String last = c.lines().isEmpty() ? "(none)" : c.lines().get(c.lines().size() - 1);
    assertEquals(0, c.exit(), "child JVM died after " + last + ": " + c.stderr());
    assertEquals("done", last);
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (String line : c.lines()) {
      if (line.startsWith("result ")) {
        String[] parts = line.split(" ");
        outcomes.put(parts[1], parts[2]);
      }
    }
    int expected = 0;
    for (String name : NativeBoundaryProbe.names()) {
      expected++;
      assertTrue(outcomes.containsKey(name), "no outcome for " + name);
    }
    assertEquals(expected, outcomes.size());
    for (Map.Entry<String, String> e : outcomes.entrySet()) {
      assertTrue(ACCEPTED.contains(e.getValue()), e.getKey() + " ended with " + e.getValue());
      if (e.getKey().endsWith("/width") || e.getKey().endsWith("/batch") || e.getKey().endsWith("/tensor")
          || e.getKey().contains("/type-") && !e.getKey().endsWith("null")) {
        assertEquals(IllegalArgumentException.class.getName(), e.getValue(), e.getKey() + ": a shape mismatch");
      }
      if (e.getKey().endsWith("closed") || e.getKey().endsWith("closed-tensor")) {
        assertEquals(IllegalStateException.class.getName(), e.getValue(), e.getKey() + ": a closed handle");
      }
    }
  }
}
