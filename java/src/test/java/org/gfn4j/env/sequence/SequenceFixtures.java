package org.gfn4j.env.sequence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;

/** Synthetic data files for the sequence environments, written once per JVM to a temp directory. */
public final class SequenceFixtures {
  private static Path dir;

  private SequenceFixtures() {}

  static synchronized Path dir() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("gfn4j-seq");
        dir.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  /** y of the synthetic TFBind8 table at index i (any smooth-ish function with negatives and ties). */
  public static double tfbindY(int index) {
    return Math.sin(index * 0.37) + 0.25 * ((index >> 5) % 7) - 0.5;
  }

  /** The 8-mer of index i (first letter most significant). */
  public static String kmer(int index) {
    char[] c = new char[8];
    for (int i = 7; i >= 0; i--) {
      c[i] = "ACGT".charAt(index & 3);
      index >>= 2;
    }
    return new String(c);
  }

  /** A complete synthetic TFBind8 CSV, rows shuffled. */
  public static synchronized Path tfbindTable() {
    Path p = dir().resolve("tfbind8.csv");
    if (!Files.exists(p)) {
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < 1 << 16; i++) {
        rows.add(kmer(i) + "," + tfbindY(i));
      }
      Collections.shuffle(rows, new Random(3));
      rows.add(0, "sequence,y");
      write(p, String.join("\n", rows) + "\n");
    }
    return p;
  }

  /** Raw value of the synthetic QM9 table at index i (negatives included, to exercise the clip). */
  public static float qm9Raw(int index) {
    return (float) (6 + 5 * Math.sin(index * 0.013) + 3 * Math.cos(index * 0.0071));
  }

  public static synchronized Path qm9Table() {
    Path p = dir().resolve("qm9.f32");
    if (!Files.exists(p)) {
      ByteBuffer b = ByteBuffer.allocate(4 * 161_051).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < 161_051; i++) {
        b.putFloat(qm9Raw(i));
      }
      try {
        Files.write(p, b.array());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return p;
  }

  /** The project's QM9 table: ../shared/data next to the repository, searched upwards from here. */
  public static Path realQm9Table() {
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve("shared/data/qm9_small/block_qm9str_v1_s5.f32");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** A small AMP proxy (gfnx's architecture at max length {@code length}, seed 7) as an ONNX file. */
  public static synchronized Path ampProxy(int length) {
    Path p = dir().resolve("amp" + length + ".onnx");
    if (!Files.exists(p)) {
      PolicySpec spec = PolicySpec.transformer(AmpProxies.VOCAB, length, 16, 1, 2, 16)
          .withPadMask(AmpProxies.PAD).head(AmpProxies.LOGIT, 1);
      try (PolicyTrainer t = PolicyTrainer.create(spec, AmpProxies.optimizer(), 7, 1)) {
        t.exportInference(p);
      }
    }
    return p;
  }

  public static Path write(String name, String content) {
    return write(dir().resolve(name), content);
  }

  private static Path write(Path p, String content) {
    try {
      Files.writeString(p, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
