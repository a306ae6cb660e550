package org.gfn4j.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A sweep directory on a Hadoop file system (hdfs://, s3a://, file://, ...). A run trains in a
 * local scratch copy of its directory and is uploaded whole when it finishes or fails, so a
 * retry on another executor resumes from the last uploaded checkpoint.
 */
final class HadoopRuns extends RunStore {
  private static final long serialVersionUID = 1L;
  private final String out;
  private transient FileSystem fs;

  HadoopRuns(String out) {
    this.out = out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
  }

  private synchronized FileSystem fs() throws IOException {
    if (fs == null) {
      fs = FileSystem.get(java.net.URI.create(out), configuration());
    }
    return fs;
  }

  /** Hadoop's defaults and site files, plus every spark.hadoop.* setting (as Spark passes them on). */
  private static Configuration configuration() {
    Configuration conf = new Configuration();
    java.util.Map<String, String> spark = new java.util.TreeMap<>();
    System.getProperties().stringPropertyNames().forEach(k -> spark.put(k, System.getProperty(k)));
    org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
    if (env != null) {
      for (scala.Tuple2<String, String> kv : env.conf().getAll()) {
        spark.put(kv._1(), kv._2());
      }
    }
    spark.forEach((k, v) -> {
      if (k.startsWith("spark.hadoop.")) {
        conf.set(k.substring("spark.hadoop.".length()), v);
      }
    });
    return conf;
  }

  private org.apache.hadoop.fs.Path remote(String relative) {
    return new org.apache.hadoop.fs.Path(out + "/" + relative);
  }

  /** Creates DIR; IllegalArgumentException when the file system refuses. */
  void create() {
    try {
      fs().mkdirs(remote(""));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("--out " + out + " cannot be created: " + e.getMessage());
    }
  }

  @Override
  String read(String relative) throws IOException {
    org.apache.hadoop.fs.Path p = remote(relative);
    if (!fs().exists(p)) {
      return null;
    }
    try (InputStream in = fs().open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  void write(String relative, String text) throws IOException {
    org.apache.hadoop.fs.Path target = remote(relative);
    org.apache.hadoop.fs.Path tmp = remote(relative + ".tmp");
    try (OutputStream o = fs().create(tmp, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
    replace(tmp, target);
  }

  /** Renames {@code tmp} onto {@code target} (Hadoop's rename does not overwrite). */
  private void replace(org.apache.hadoop.fs.Path tmp, org.apache.hadoop.fs.Path target) throws IOException {
    fs().delete(target, true);
    if (!fs().rename(tmp, target)) {
      throw new IOException("cannot rename " + tmp + " to " + target);
    }
  }

  @Override
  Path checkout(SweepRun run) throws IOException {
    Path local = scratch().resolve(run.dirName());
    deleteTree(local);
    org.apache.hadoop.fs.Path remote = remote("runs/" + run.dirName());
    if (fs().exists(remote)) {
      Files.createDirectories(local.getParent());
      fs().copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
    }
    return local;
  }

  @Override
  void commit(SweepRun run, Path local) throws IOException {
    if (!Files.isDirectory(local)) {
      return;
    }
    org.apache.hadoop.fs.Path tmp = remote("runs/" + run.dirName() + ".upload");
    fs().delete(tmp, true);
    fs().copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), tmp);
    replace(tmp, remote("runs/" + run.dirName()));
    deleteTree(local);
  }

  @Override
  Path resultsDir() throws IOException {
    return scratch().resolve("results");
  }

  @Override
  void publish(Path resultsDir) throws IOException {
    try (var files = Files.walk(resultsDir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String relative = resultsDir.relativize(p).toString().replace('\\', '/');
        org.apache.hadoop.fs.Path tmp = remote(relative + ".tmp");
        fs().copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(p.toUri()), tmp);
        replace(tmp, remote(relative));
      }
    }
  }

  @Override
  Path sparkLog() throws IOException {
    return scratch().resolve("spark.log");
  }

  /** This sweep's local scratch space on the current machine. */
  private Path scratch() throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "gfn4j-sweep", Integer.toHexString(out.hashCode()));
    Files.createDirectories(dir);
    return dir;
  }

  @Override
  public String toString() {
    return out;
  }
}
