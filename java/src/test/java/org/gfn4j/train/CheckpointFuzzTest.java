package org.gfn4j.train;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Checkpoint files under random truncation, bit flips, appended bytes and rewritten manifests:
 * every damage is reported as corruption of the file it hit, the binary readers never allocate
 * beyond their file, and a resume from a damaged run fails cleanly without changing a file.
 */
class CheckpointFuzzTest {
  private static Path root;
  private static Path run;
  private static Path checkpoint;
  private static List<Path> files;
  private static List<byte[]> originals;
  private static String manifest;
  private static Map<String, byte[]> contents;

  /** The checkpoint's files in memory, keyed by path inside the checkpoint. */
  record Memory(Map<String, byte[]> files) implements CheckpointManifest.Contents {
    @Override
    public long size(String path) {
      byte[] b = files.get(path);
      return b == null ? -1 : b.length;
    }

    @Override
    public String sha256(String path) {
      return CheckpointManifest.sha256(files.get(path));
    }
  }

  @BeforeContainer
  static void train() throws IOException {
    root = Files.createTempDirectory("gfn4j-fuzz-");
    run = root.resolve("run");
    TrainConfig c = TrainRunTest.small("softdqn_hypergrid", "hypergrid:dim=2,side=3", 20, 10)
        .with(TrainKey.HIDDEN, "8").with(TrainKey.REPLAY, "uniform").with(TrainKey.REPLAY_MIN, "4")
        .with(TrainKey.REPLAY_BATCH, "4");
    TrainRun.run(new TrainRun.Options(c, run, false, null, null, quiet(), false));
    checkpoint = run.resolve(RunDirectory.CHECKPOINT);
    files = new ArrayList<>();
    originals = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(checkpoint)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        if (!p.getFileName().toString().equals(CheckpointManifest.FILE)) {
          files.add(p);
          originals.add(Files.readAllBytes(p));
        }
      }
    }
    manifest = Files.readString(checkpoint.resolve(CheckpointManifest.FILE));
    contents = new TreeMap<>();
    for (int i = 0; i < files.size(); i++) {
      contents.put(name(files.get(i)), originals.get(i));
    }
    CheckpointManifest.verify("checkpoint/", manifest, new Memory(contents));
  }

  private static String name(Path p) {
    return checkpoint.relativize(p).toString().replace('\\', '/');
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    RunDirectory.deleteTree(root);
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Which file to damage, and how: truncate at, flip one bit at, or append after {@code where}. */
  record Damage(int file, int kind, int where, int bit) {
    /** A damaged copy of {@code b}: truncated, one bit flipped, or bytes appended. */
    byte[] apply(byte[] b) {
      int at = b.length == 0 ? 0 : Math.floorMod(where, b.length);
      switch (kind) {
        case 0:
          return java.util.Arrays.copyOf(b, at);
        case 1: {
          if (b.length == 0) {
            return new byte[] {1};
          }
          byte[] c = b.clone();
          c[at] ^= (byte) (1 << bit);
          return c;
        }
        default: {
          byte[] c = java.util.Arrays.copyOf(b, b.length + 1 + bit);
          c[b.length] = (byte) where;
          return c;
        }
      }
    }
  }

  @Provide
  Arbitrary<Damage> damages() {
    return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 2),
        Arbitraries.integers(), Arbitraries.integers().between(0, 7)).as(Damage::new);
  }

  @Property(tries = 10_000)
  void everyDamagedCheckpointFileIsReportedByName(@ForAll("damages") Damage d) {
    int i = d.file() % files.size();
    Map<String, byte[]> damaged = new TreeMap<>(contents);
    String name = name(files.get(i));
    damaged.put(name, d.apply(originals.get(i)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CheckpointManifest.verify("checkpoint/", manifest, new Memory(damaged)));
    assertTrue(e.getMessage().startsWith("checkpoint/" + name + " is corrupt"), e.getMessage());
  }

  @Property(tries = 200)
  void damageOnDiskIsFoundToo(@ForAll("damages") Damage d) throws IOException {
    int i = d.file() % files.size();
    Path p = files.get(i);
    Files.write(p, d.apply(originals.get(i)));
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CheckpointManifest.verify(checkpoint));
      assertTrue(e.getMessage().startsWith("checkpoint/" + name(p) + " is corrupt"), e.getMessage());
    } finally {
      Files.write(p, originals.get(i));
    }
  }

  @Provide
  Arbitrary<String> manifests() {
    String real = manifest;
    Arbitrary<String> mutated = Combinators.combine(Arbitraries.integers().between(0, real.length()),
        Arbitraries.integers().between(0, 20), Arbitraries.strings().ofMaxLength(3))
        .as((at, cut, text) -> real.substring(0, at) + text + real.substring(Math.min(real.length(), at + cut)));
    return Arbitraries.oneOf(mutated, Arbitraries.strings().ofMaxLength(60),
        Arbitraries.of("{}", "null", "{\"files\": [{\"path\": \"../../etc/passwd\", \"size\": 1, \"sha256\": \""
            + "0".repeat(64) + "\"}]}", "{\"files\": [{\"path\": \"/abs\"}]}", "{\"files\": 7}"));
  }

  @Property(tries = 10_000)
  void aRewrittenManifestVerifiesOrIsRefused(@ForAll("manifests") String text) {
    try {
      CheckpointManifest.verify("checkpoint/", text, new Memory(contents));
      // accepted: then it lists only real files with their true checksums
      for (CheckpointManifest.Entry e : CheckpointManifest.parse(text)) {
        assertTrue(contents.containsKey(e.path()), e.path());
        assertEquals(CheckpointManifest.sha256(contents.get(e.path())), e.sha256());
      }
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().startsWith("checkpoint/"), e.getMessage());
    }
  }

  @Property(tries = 10_000)
  void binaryArraysReadWhatTheyHoldOrFailWithoutAllocatingBeyondTheFile(@ForAll("damages") Damage d,
      @ForAll boolean doubles) {
    byte[] source = originals.get(d.file() % originals.size());
    byte[] b = d.apply(source.length > 4096 ? java.util.Arrays.copyOf(source, 4096) : source);
    try {
      java.io.InputStream in = new java.io.ByteArrayInputStream(b);
      int n = doubles ? RunDirectory.readDoubles(in, b.length, "a.bin").length
          : RunDirectory.readInts(in, b.length, "a.bin").length;
      assertEquals(b.length, 4 + (long) n * (doubles ? 8 : 4));
    } catch (IOException e) {
      assertTrue(e.getMessage().startsWith("a.bin is corrupt"), e.getMessage());
    }
  }

  @Property(tries = 30)
  void aResumeFromADamagedRunFailsCleanlyAndChangesNothing(@ForAll("damages") Damage d) throws Exception {
    int i = d.file() % files.size();
    Path p = files.get(i);
    Path old = run.resolve(RunDirectory.CHECKPOINT_OLD).resolve(checkpoint.relativize(p));
    byte[] oldBytes = Files.readAllBytes(old);
    Files.write(p, d.apply(originals.get(i)));
    Files.write(old, d.apply(oldBytes));
    try {
      List<String> before = listing();
      TrainConfig c = RunDirectory.open(run).readConfig().with(TrainKey.STEPS, "30");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> TrainRun.run(new TrainRun.Options(c, run, true, null, null, quiet(), false)));
      assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
      assertEquals(before, listing());
    } finally {
      Files.write(p, originals.get(i));
      Files.write(old, oldBytes);
    }
  }

  private static List<String> listing() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(run)) {
      for (Path q : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.add(run.relativize(q) + " " + CheckpointManifest.sha256(q));
      }
    }
    return out;
  }
}
