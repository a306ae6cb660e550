package org.gfn4j.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.gfn4j.io.Inputs;

/**
 * manifest.json of a checkpoint directory: every file's relative path, size and SHA-256,
 * written last, so a checkpoint whose manifest verifies is complete and unaltered. A resume
 * verifies it before any file reaches a parser or ONNX Runtime.
 */
final class CheckpointManifest {
  static final String FILE = "manifest.json";

  private CheckpointManifest() {}

  /** Records every file under {@code dir} (written after all of them). */
  static void write(Path dir) throws IOException {
    JsonArray files = new JsonArray();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = relative(dir, p);
        if (name.equals(FILE)) {
          continue;
        }
        JsonObject f = new JsonObject();
        f.addProperty("path", name);
        f.addProperty("size", Files.size(p));
        f.addProperty("sha256", sha256(p));
        files.add(f);
      }
    }
    JsonObject m = new JsonObject();
    m.addProperty("format", 1);
    m.add("files", files);
    Files.writeString(dir.resolve(FILE), RunDirectory.GSON.toJson(m));
  }

  /**
   * Throws IllegalArgumentException naming the file and the problem unless every file listed
   * in the manifest of {@code dir} is present with its recorded size and checksum.
   */
  static void verify(Path dir) {
    String where = dir.getFileName() + "/";
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(where + " is missing");
    }
    Path manifest = dir.resolve(FILE);
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException(where + FILE + " is missing (the checkpoint is incomplete)");
    }
    String text;
    try {
      text = Files.readString(manifest);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + FILE + " cannot be read: " + describe(e));
    }
    verify(where, text, new OnDisk(dir));
  }

  /** The files a manifest is checked against: on disk, or (in tests) in memory. */
  interface Contents {
    /** Size in bytes, or -1 when the file does not exist. */
    long size(String path) throws IOException;

    String sha256(String path) throws IOException;
  }

  /**
   * Checks the manifest text against {@code contents}: presence and sizes of every file first
   * (cheap, catches truncation), then checksums.
   */
  static void verify(String where, String manifestText, Contents contents) {
    List<Entry> entries;
    try {
      entries = parse(manifestText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + FILE + " is corrupt: " + e.getMessage());
    }
    for (boolean hashes : new boolean[] {false, true}) {
      for (Entry e : entries) {
        String name = where + e.path();
        try {
          if (!hashes) {
            long size = contents.size(e.path());
            if (size < 0) {
              throw new IllegalArgumentException(name + " is missing");
            }
            if (size != e.size()) {
              throw new IllegalArgumentException(name + " is corrupt: " + size + " bytes, the manifest records "
                  + e.size());
            }
          } else if (!contents.sha256(e.path()).equals(e.sha256())) {
            throw new IllegalArgumentException(name + " is corrupt: its SHA-256 differs from the manifest");
          }
        } catch (IOException ex) {
          throw new IllegalArgumentException(name + " cannot be read: " + describe(ex));
        }
      }
    }
  }

  /** Files under a checkpoint directory. */
  private static final class OnDisk implements Contents {
    private final Path dir;

    OnDisk(Path dir) {
      this.dir = dir;
    }

    @Override
    public long size(String path) throws IOException {
      Path p = dir.resolve(path);
      return Files.isRegularFile(p) ? Files.size(p) : -1;
    }

    @Override
    public String sha256(String path) throws IOException {
      return CheckpointManifest.sha256(dir.resolve(path));
    }
  }

  /** One listed file. */
  record Entry(String path, long size, String sha256) {}

  /** The entries of a manifest's text; IllegalArgumentException for anything malformed. */
  static List<Entry> parse(String json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not valid JSON");
    }
    if (!root.isJsonObject() || !root.getAsJsonObject().has("files")
        || !root.getAsJsonObject().get("files").isJsonArray()) {
      throw new IllegalArgumentException("no list of files");
    }
    List<Entry> out = new ArrayList<>();
    for (JsonElement f : root.getAsJsonObject().getAsJsonArray("files")) {
      if (!f.isJsonObject()) {
        throw new IllegalArgumentException("a file entry is not an object");
      }
      JsonObject o = f.getAsJsonObject();
      String path = string(o, "path");
      if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.equals(FILE)
          || List.of(path.split("/", -1)).stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
        throw new IllegalArgumentException("bad file path " + Inputs.quote(path));
      }
      String size = string(o, "size");
      String sha = string(o, "sha256");
      if (!sha.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("bad SHA-256 for " + Inputs.quote(path));
      }
      out.add(new Entry(path, Inputs.parseLong("size of " + Inputs.quote(path), size, 0, Long.MAX_VALUE), sha));
    }
    return out;
  }

  private static String string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive()) {
      throw new IllegalArgumentException("a file entry has no " + key);
    }
    return e.getAsString();
  }

  static String sha256(Path p) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(p)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String relative(Path dir, Path p) {
    return dir.relativize(p).toString().replace('\\', '/');
  }

  /** An exception's message, or its kind when it has none (never "null"). */
  static String describe(Throwable e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return m == null || m.isBlank() ? kind : e instanceof java.nio.file.FileSystemException ? kind + " " + m : m;
  }
}
