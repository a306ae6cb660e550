package org.gfn4j.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.gfn4j.train.TrainRun;

/**
 * The jars a cluster's executors need besides Spark: this module's jar, the gfn4j library jar
 * and the libraries its manifest lists (ONNX Runtime, JavaCPP, ...), found next to it.
 */
final class ClusterJars {
  private ClusterJars() {}

  static List<String> find() {
    List<String> jars = new ArrayList<>();
    Path sweep = location(Sweep.class);
    Path core = location(TrainRun.class);
    if (sweep == null || core == null) {
      throw new IllegalArgumentException("a cluster sweep needs the packaged jars: run it through the gfn4j launcher");
    }
    jars.add(sweep.toString());
    jars.add(core.toString());
    try (JarFile jar = new JarFile(core.toFile())) {
      Manifest m = jar.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      if (cp != null) {
        for (String entry : cp.trim().split("\\s+")) {
          Path p = core.resolveSibling(entry);
          if (!Files.isRegularFile(p)) {
            p = core.resolveSibling(Paths.get(entry).getFileName());
          }
          if (Files.isRegularFile(p)) {
            jars.add(p.toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + core + ": " + e.getMessage(), e);
    }
    return jars;
  }

  private static Path location(Class<?> c) {
    try {
      Path p = Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
