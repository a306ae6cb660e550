package org.gfn4j.env.sequence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn4j.io.AtomicFiles;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicySpec;
import org.gfn4j.policy.PolicyTrainer;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * Trains an AMP proxy the way gfnx's train_proxy.py does: a classifier of peptides (CSV
 * {@code sequence,label}, labels 0/1) with sigmoid binary cross-entropy and AdamW, on all but a
 * held-out fold, validated every few epochs with early stopping; the best parameters are exported
 * as an ONNX model that {@code amp:proxy=PATH} reads (int32 tokens [B, 60]: the sequence, EOS,
 * then PADs). Training goes through gfn4j's own ONNX Runtime training path.
 */
public final class AmpProxyTrainer {
  /** Settings; gfnx's are {@link #gfnx()}. */
  public record Settings(PolicySpec spec, OptimizerConfig optimizer, int batch, int maxEpochs, int validateEvery,
      int patience, double validationFraction, long seed, int threads) {
    public Settings {
      if (batch < 1 || maxEpochs < 1 || validateEvery < 1 || patience < 1 || threads < 1) {
        throw new IllegalArgumentException("batch, epochs, validation period, patience and threads must be >= 1");
      }
      if (!(validationFraction > 0 && validationFraction < 1)) {
        throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
      }
    }

    /** gfnx: 4 layers, 8 heads, 64 dims; AdamW 1e-4, wd 1e-6; batch 256; validate every 2 epochs; patience 5. */
    public static Settings gfnx() {
      return new Settings(AmpProxies.spec(), AmpProxies.optimizer(), 256, 1000, 2, 5, 0.2, 1, 1);
    }

    public Settings withEpochs(int epochs) {
      return new Settings(spec, optimizer, batch, epochs, validateEvery, patience, validationFraction, seed, threads);
    }

    public Settings withSeed(long s) {
      return new Settings(spec, optimizer, batch, maxEpochs, validateEvery, patience, validationFraction, s, threads);
    }
  }

  /** Mean validation loss after each validation round (the first before any update), and the best round. */
  public record Result(double[] validationLoss, int bestRound, int trainSize, int validationSize) {}

  private AmpProxyTrainer() {}

  /** Labelled peptides: token rows [n, 60] and 0/1 labels. */
  public record Dataset(int[][] tokens, float[] labels) {}

  /** Reads CSV {@code sequence,label}; IllegalArgumentException naming the problem line. */
  public static Dataset read(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).trim().replace(" ", "").equals("sequence,label")) {
      throw new IllegalArgumentException(csv + " line 1: expected header 'sequence,label'");
    }
    SequenceShape shape = new SequenceShape(SequenceKind.AUTOREGRESSIVE, AmpProxies.LENGTH, 20, 22, 20, 21, true);
    SequenceText text = SequenceText.letters(shape, AmpProxies.ALPHABET);
    List<int[]> tokens = new ArrayList<>();
    List<Float> labels = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(",", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(csv + " line " + (i + 1) + ": expected 'sequence,label'");
      }
      try {
        tokens.add(text.parse(parts[0]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(csv + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
      String label = parts[1].trim();
      if (!label.equals("0") && !label.equals("1")) {
        throw new IllegalArgumentException(csv + " line " + (i + 1) + ": label must be 0 or 1, got '" + label + "'");
      }
      labels.add(label.equals("1") ? 1f : 0f);
    }
    if (tokens.size() < 2) {
      throw new IllegalArgumentException(csv + ": needs at least two labelled sequences");
    }
    float[] y = new float[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    return new Dataset(tokens.toArray(new int[0][]), y);
  }

  /** Trains on {@code data} and writes the best model to {@code out}. */
  public static Result train(Dataset data, Settings s, Path out) {
    int n = data.tokens().length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(s.seed());
    shuffle(order, rng);
    int nVal = Math.max(1, (int) Math.round(n * s.validationFraction()));
    int[] val = Arrays.copyOfRange(order, 0, nVal);
    int[] train = Arrays.copyOfRange(order, nVal, n);
    if (train.length == 0) {
      throw new IllegalArgumentException("no training sequences left after the validation fold");
    }
    List<Double> history = new ArrayList<>();
    int best = 0;
    try (PolicyTrainer t = PolicyTrainer.create(s.spec(), s.optimizer(), s.seed(), s.threads());
        FloatTensor bestParams = FloatTensor.allocate(Math.max(1, t.parameterCount()))) {
      history.add(loss(t, data, val, s.batch()));
      t.copyParametersTo(bestParams);
      int sinceBest = 0;
      for (int epoch = 1; epoch <= s.maxEpochs() && sinceBest < s.patience(); epoch++) {
        shuffle(train, rng);
        for (int start = 0; start < train.length; start += s.batch()) {
          int[] rows = Arrays.copyOfRange(train, start, Math.min(train.length, start + s.batch()));
          step(t, data, rows);
        }
        if (epoch % s.validateEvery() == 0 || epoch == s.maxEpochs()) {
          double v = loss(t, data, val, s.batch());
          history.add(v);
          if (v < history.get(best)) {
            best = history.size() - 1;
            t.copyParametersTo(bestParams);
            sinceBest = 0;
          } else {
            sinceBest++;
          }
        }
      }
      t.copyParametersFrom(bestParams);
      export(t, out);
    }
    return new Result(history.stream().mapToDouble(Double::doubleValue).toArray(), best, train.length, val.length);
  }

  /** Exports to a temporary file beside {@code out}, then renames it into place. */
  private static void export(PolicyTrainer t, Path out) {
    Path dir = out.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + out.getFileName() + ".tmp");
    try {
      t.exportInference(tmp);
      AtomicFiles.moveIntoPlace(tmp, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }

  private static IntTensor batch(Dataset data, int[] rows) {
    int len = data.tokens()[0].length;
    int[] flat = new int[rows.length * len];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(data.tokens()[rows[i]], 0, flat, i * len, len);
    }
    return IntTensor.of(flat, rows.length, len);
  }

  /** One AdamW step on the mean BCE of {@code rows}: dL/dz = (σ(z) − y)/n. */
  private static void step(PolicyTrainer t, Dataset data, int[] rows) {
    try (IntTensor x = batch(data, rows);
        Heads logits = Heads.allocate(t.headSizes(), rows.length);
        Heads grad = Heads.allocate(t.headSizes(), rows.length)) {
      t.forward(x, logits);
      FloatTensor z = logits.get(AmpProxies.LOGIT);
      FloatTensor g = grad.get(AmpProxies.LOGIT);
      for (int i = 0; i < rows.length; i++) {
        double p = 1 / (1 + Math.exp(-z.get(i)));
        g.set(i, (float) ((p - data.labels()[rows[i]]) / rows.length));
      }
      t.accumulate(x, grad);
      t.step();
    }
  }

  /** Mean sigmoid BCE over {@code rows}. */
  static double loss(PolicyTrainer t, Dataset data, int[] rows, int batch) {
    double sum = 0;
    for (int start = 0; start < rows.length; start += batch) {
      int[] part = Arrays.copyOfRange(rows, start, Math.min(rows.length, start + batch));
      try (IntTensor x = batch(data, part); Heads logits = Heads.allocate(t.headSizes(), part.length)) {
        t.forward(x, logits);
        FloatTensor z = logits.get(AmpProxies.LOGIT);
        for (int i = 0; i < part.length; i++) {
          double zi = z.get(i);
          double y = data.labels()[part[i]];
          // BCE with logits: max(z, 0) − z·y + log(1 + e^−|z|)
          sum += Math.max(zi, 0) - zi * y + Math.log1p(Math.exp(-Math.abs(zi)));
        }
      }
    }
    return sum / rows.length;
  }
}
