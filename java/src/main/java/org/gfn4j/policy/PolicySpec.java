// The architecture of a policy network: an MLP, a gfnx transformer encoder or gfnx's phylo network, plus named heads.
package org.gfn4j.policy;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Immutable description of a policy network; {@code head(...)} calls return extended copies.
 *
 * <p>MLP: observation {@code float [n, inputSize]} → {@code depth} hidden Linear layers of
 * {@code width} units with the activation → one Linear per head (gfnx's {@code eqx.nn.MLP}, whose
 * output layer is split into the heads).
 *
 * <p>Transformer (gfnx {@code networks.Encoder}): tokens {@code int32 [n, maxLen]} (or float
 * holding token ids, see {@link #withFloatTokens()}) → embedding + fixed sinusoidal positions →
 * {@code layers} × [x + MHA(x) (biases, {@code numHeads} heads); FF block: u = LN1(·),
 * LN2(Linear(ReLU(Linear(u))) + u)] → heads pooled by mean, first position or per position
 * (optionally from a later position on, {@link #perPositionHead(String, int, int)}).
 * An optional pad token masks attention like gfnx ({@link #withPadMask(int)}).
 */
public final class PolicySpec {
  public enum Kind {
    MLP,
    TRANSFORMER,
    PHYLO
  }

  private final Kind kind;
  private final int inputSize;
  private final int depth;
  private final int width;
  private final Activation activation;
  private final int vocab;
  private final int maxLen;
  private final int dim;
  private final int layers;
  private final int numHeads;
  private final int ffDim;
  private final int padToken;
  private final boolean floatTokens;
  private final List<HeadSpec> heads;
  private final int embedSize;
  private final int headWidth;
  private final int headDepth;

  private PolicySpec(Kind kind, int inputSize, int depth, int width, Activation activation, int vocab, int maxLen,
      int dim, int layers, int numHeads, int ffDim, int padToken, boolean floatTokens, List<HeadSpec> heads,
      int embedSize, int headWidth, int headDepth) {
    this.kind = kind;
    this.inputSize = inputSize;
    this.depth = depth;
    this.width = width;
    this.activation = activation;
    this.vocab = vocab;
    this.maxLen = maxLen;
    this.dim = dim;
    this.layers = layers;
    this.numHeads = numHeads;
    this.ffDim = ffDim;
    this.padToken = padToken;
    this.floatTokens = floatTokens;
    this.heads = List.copyOf(heads);
    this.embedSize = embedSize;
    this.headWidth = headWidth;
    this.headDepth = headDepth;
  }

  /** An MLP over {@code float [n, inputSize]} observations with {@code depth} hidden layers. */
  public static PolicySpec mlp(int inputSize, int depth, int width, Activation activation) {
    positive("inputSize", inputSize);
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be >= 0, got " + depth);
    }
    positive("width", width);
    if (activation == null) {
      throw new IllegalArgumentException("activation is required");
    }
    return new PolicySpec(Kind.MLP, inputSize, depth, width, activation, 0, 0, 0, 0, 0, 0, -1, false, List.of(), 0, 0, 0);
  }

  /** A gfnx transformer encoder over token sequences of length {@code maxLen}. */
  public static PolicySpec transformer(int vocab, int maxLen, int dim, int layers, int numHeads, int ffDim) {
    positive("vocab", vocab);
    positive("maxLen", maxLen);
    positive("dim", dim);
    if (layers < 0) {
      throw new IllegalArgumentException("layers must be >= 0, got " + layers);
    }
    positive("numHeads", numHeads);
    positive("ffDim", ffDim);
    if (dim % numHeads != 0) {
      throw new IllegalArgumentException("dim " + dim + " is not divisible by numHeads " + numHeads);
    }
    if (dim % 2 != 0) {
      throw new IllegalArgumentException("dim must be even for sinusoidal positions, got " + dim);
    }
    return new PolicySpec(Kind.TRANSFORMER, 0, 0, 0, null, vocab, maxLen, dim, layers, numHeads, ffDim, -1, false,
        List.of(), 0, 0, 0);
  }

  /**
   * gfnx's fldb_phylo network over {@code slots} rows of {@code featuresPerSlot} features (float
   * [n, slots·featuresPerSlot]): a per-slot MLP ({@code embedDepth} hidden layers of
   * {@code embedWidth}, output {@code embedSize}) plus fixed positional embeddings
   * ({@link #phyloPositions()}), a Linear to {@code dim}, {@code layers} transformer layers as the
   * encoder's (attention masked to non-empty slots: a slot is empty when all its features are 0);
   * heads: {@code forward_logits} = MLP(x_i + x_j) for every pair i < j in row-major order,
   * {@code backward_logits} = MLP(x_i) for slots 0..slots−2, {@code log_flow} = MLP on the
   * concatenated slots. The head MLPs have {@code headDepth} hidden layers of {@code headWidth}.
   */
  public static PolicySpec phylo(int slots, int featuresPerSlot, int embedWidth, int embedDepth, int embedSize, int dim,
      int layers, int numHeads, int ffDim, int headWidth, int headDepth, Activation activation) {
    if (slots < 2) {
      throw new IllegalArgumentException("slots must be at least 2, got " + slots);
    }
    positive("featuresPerSlot", featuresPerSlot);
    positive("embedWidth", embedWidth);
    positive("embedSize", embedSize);
    positive("dim", dim);
    positive("numHeads", numHeads);
    positive("ffDim", ffDim);
    positive("headWidth", headWidth);
    if (embedDepth < 0 || layers < 0 || headDepth < 0) {
      throw new IllegalArgumentException("depths and layers must be >= 0");
    }
    if (dim % numHeads != 0) {
      throw new IllegalArgumentException("dim " + dim + " is not divisible by numHeads " + numHeads);
    }
    if (activation == null) {
      throw new IllegalArgumentException("activation is required");
    }
    Math.multiplyExact(slots, featuresPerSlot);
    return new PolicySpec(Kind.PHYLO, featuresPerSlot, embedDepth, embedWidth, activation, 0, slots, dim, layers,
        numHeads, ffDim, -1, false, List.of(), embedSize, headWidth, headDepth);
  }

  /**
   * The phylo network's fixed positional embeddings [slots, embedSize]: gfnx draws them once from
   * a truncated normal (σ = 0.02, cut at ±2σ) and never trains them; here from a fixed seed.
   */
  public double[] phyloPositions() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(0x5107L * maxLen + embedSize);
    double[] pe = new double[maxLen * embedSize];
    for (int i = 0; i < pe.length; i++) {
      double z;
      do {
        double u = 1.0 - rng.nextDouble();
        z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
      } while (Math.abs(z) > 2);
      pe[i] = 0.02 * z;
    }
    return pe;
  }

  private static void positive(String what, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
  }

  /** Adds a head of {@code size} outputs (mean-pooled for a transformer). */
  public PolicySpec head(String name, int size) {
    return pooledHead(name, size, Pooling.MEAN);
  }

  /** Adds a transformer head pooled by {@code pooling} (MLP: pooling is ignored). */
  public PolicySpec pooledHead(String name, int size, Pooling pooling) {
    if (pooling == Pooling.PER_POSITION) {
      return perPositionHead(name, size);
    }
    return withHead(new HeadSpec(name, size, kind == Kind.MLP ? Pooling.MEAN : pooling, size, 0));
  }

  /** Adds a transformer head applied at every position: {@code [n, maxLen * unitsPerPosition]}. */
  public PolicySpec perPositionHead(String name, int unitsPerPosition) {
    return perPositionHead(name, unitsPerPosition, 0);
  }

  /**
   * Adds a transformer head applied at positions {@code skipFirst .. maxLen-1}:
   * {@code [n, (maxLen - skipFirst) * unitsPerPosition]}, row-major {@code [n, position, unit]}
   * (gfnx's bitseq heads skip the BOS slot with {@code skipFirst = 1}).
   */
  public PolicySpec perPositionHead(String name, int unitsPerPosition, int skipFirst) {
    if (kind != Kind.TRANSFORMER) {
      throw new IllegalArgumentException("per-position heads need a transformer");
    }
    positive("unitsPerPosition", unitsPerPosition);
    if (skipFirst < 0 || skipFirst >= maxLen) {
      throw new IllegalArgumentException("skipFirst must lie in [0, " + maxLen + "), got " + skipFirst);
    }
    return withHead(new HeadSpec(name, unitsPerPosition, Pooling.PER_POSITION,
        Math.multiplyExact(maxLen - skipFirst, unitsPerPosition), skipFirst));
  }

  private PolicySpec withHead(HeadSpec h) {
    for (HeadSpec e : heads) {
      if (e.name().equals(h.name())) {
        throw new IllegalArgumentException("duplicate head " + h.name());
      }
    }
    List<HeadSpec> hs = new ArrayList<>(heads);
    hs.add(h);
    return new PolicySpec(kind, inputSize, depth, width, activation, vocab, maxLen, dim, layers, numHeads, ffDim,
        padToken, floatTokens, hs, embedSize, headWidth, headDepth);
  }

  /** Masks attention to and from positions holding {@code token}, as gfnx's Encoder does. */
  public PolicySpec withPadMask(int token) {
    if (kind != Kind.TRANSFORMER || token < 0 || token >= vocab) {
      throw new IllegalArgumentException("pad token " + token + " needs a transformer with vocab > token");
    }
    return new PolicySpec(kind, inputSize, depth, width, activation, vocab, maxLen, dim, layers, numHeads, ffDim,
        token, floatTokens, heads, embedSize, headWidth, headDepth);
  }

  /** Takes the tokens as a float tensor of token ids (cast in the graph) instead of int32. */
  public PolicySpec withFloatTokens() {
    if (kind != Kind.TRANSFORMER) {
      throw new IllegalArgumentException("float tokens need a transformer");
    }
    return new PolicySpec(kind, inputSize, depth, width, activation, vocab, maxLen, dim, layers, numHeads, ffDim,
        padToken, true, heads, embedSize, headWidth, headDepth);
  }

  /** Throws unless the spec has at least one head. */
  public PolicySpec validate() {
    if (heads.isEmpty()) {
      throw new IllegalArgumentException("a policy needs at least one head");
    }
    if (kind == Kind.PHYLO) {
      for (HeadSpec h : heads) {
        int expected = switch (h.name()) {
          case PolicyKind.FORWARD -> maxLen * (maxLen - 1) / 2;
          case PolicyKind.BACKWARD -> maxLen - 1;
          case PolicyKind.LOG_FLOW -> 1;
          default -> throw new IllegalArgumentException("the phylo network has no head '" + h.name() + "'");
        };
        if (h.size() != expected) {
          throw new IllegalArgumentException("phylo head " + h.name() + " has " + expected + " outputs, not " + h.size());
        }
      }
    }
    return this;
  }

  public Kind kind() {
    return kind;
  }

  public int inputSize() {
    return inputSize;
  }

  public int depth() {
    return depth;
  }

  public int width() {
    return width;
  }

  public Activation activation() {
    return activation;
  }

  public int vocab() {
    return vocab;
  }

  public int maxLen() {
    return maxLen;
  }

  public int dim() {
    return dim;
  }

  public int layers() {
    return layers;
  }

  public int numHeads() {
    return numHeads;
  }

  public int ffDim() {
    return ffDim;
  }

  /** The pad token, or -1 when attention is not masked. */
  public int padToken() {
    return padToken;
  }

  public boolean floatTokens() {
    return floatTokens;
  }

  public List<HeadSpec> heads() {
    return heads;
  }

  /** Phylo: the per-slot embedding size. */
  public int embedSize() {
    return embedSize;
  }

  /** Phylo: the width of the head MLPs. */
  public int headWidth() {
    return headWidth;
  }

  /** Phylo: the hidden layers of the head MLPs. */
  public int headDepth() {
    return headDepth;
  }

  /** Columns of the observation tensor: inputSize (MLP), maxLen (transformer) or slots·features (phylo). */
  public int observationWidth() {
    return switch (kind) {
      case MLP -> inputSize;
      case TRANSFORMER -> maxLen;
      case PHYLO -> maxLen * inputSize;
    };
  }

  /** True when observations are float tensors (else int32 tokens). */
  public boolean floatObservations() {
    return kind != Kind.TRANSFORMER || floatTokens;
  }

  public String toJson() {
    return new Gson().toJson(this);
  }

  /** Parses {@link #toJson()} output, re-validating every field through the factories. */
  public static PolicySpec fromJson(String json) {
    PolicySpec raw;
    try {
      raw = new Gson().fromJson(json, PolicySpec.class);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("malformed policy spec: " + e.getMessage(), e);
    }
    if (raw == null || raw.kind == null || raw.heads == null) {
      throw new IllegalArgumentException("malformed policy spec: " + json);
    }
    PolicySpec s = switch (raw.kind) {
      case MLP -> mlp(raw.inputSize, raw.depth, raw.width, raw.activation);
      case TRANSFORMER -> transformer(raw.vocab, raw.maxLen, raw.dim, raw.layers, raw.numHeads, raw.ffDim);
      case PHYLO -> phylo(raw.maxLen, raw.inputSize, raw.width, raw.depth, raw.embedSize, raw.dim, raw.layers,
          raw.numHeads, raw.ffDim, raw.headWidth, raw.headDepth, raw.activation);
    };
    if (raw.padToken >= 0) {
      s = s.withPadMask(raw.padToken);
    }
    if (raw.floatTokens) {
      s = s.withFloatTokens();
    }
    for (HeadSpec h : raw.heads) {
      s = h.pooling() == Pooling.PER_POSITION ? s.perPositionHead(h.name(), h.units(), h.skipFirst())
          : s.pooledHead(h.name(), h.units(), h.pooling());
    }
    return s.validate();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof PolicySpec p && p.toJson().equals(toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }
}
