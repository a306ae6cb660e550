package org.gfn4j;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example compiles with the imports the README lists, runs (with 20 training
 * steps instead of 2000), and writes nothing into the working directory.
 */
class ReadmeExampleTest {
  @TempDir Path tmp;

  /** The first Java block of the README's API section, split into its import lines and the rest. */
  private static String[] example(String readme) {
    String api = readme.substring(readme.indexOf("## Java API"));
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(api);
    assertTrue(m.find(), "a Java example");
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : m.group(1).split("\n")) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    return new String[] {imports.toString(), body.toString()};
  }

  private static Set<String> listing(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void theExampleCompilesWithItsImportsAndWritesNothingIntoTheWorkingDirectory() throws Exception {
    Path root = Path.of(System.getProperty("gfn4j.repoRoot", "..")).toAbsolutePath().normalize();
    String[] example = example(Files.readString(root.resolve("README.md")));
    assertFalse(example[0].isEmpty(), "the example lists its imports");
    String source = example[0] + "\npublic class Example {\n  public static void main(String[] args) throws Exception {\n"
        + example[1].replace("\"2000\"", "\"20\"").replace("< 2000", "< 20") + "\n  }\n}\n";
    Path src = Files.writeString(tmp.resolve("Example.java"), source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests run on a JDK");
    StringWriter diagnostics = new StringWriter();
    int rc = javac.getTask(diagnostics, null, null, List.of("-cp", System.getProperty("java.class.path"), "-d",
        tmp.toString()), null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(src.toFile())).call()
        ? 0 : 1;
    assertEquals(0, rc, diagnostics.toString());
    Path cwd = Path.of("").toAbsolutePath();
    Path systemTmp = Path.of(System.getProperty("java.io.tmpdir"));
    Set<String> before = listing(cwd);
    Set<String> tmpBefore = listing(systemTmp);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
      Method main = loader.loadClass("Example").getMethod("main", String[].class);
      main.invoke(null, (Object) new String[0]);
    }
    assertEquals(before, listing(cwd), "files appeared in " + cwd);
    for (String name : listing(systemTmp)) {
      if (name.startsWith("gfn4j-example") && !tmpBefore.contains(name)) {
        try (Stream<Path> walk = Files.walk(systemTmp.resolve(name))) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
