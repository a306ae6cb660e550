// The architecture of a policy network: an MLP or a gfnx transformer encoder, plus named heads.
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
    TRANSFORMER
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

  private PolicySpec(Kind kind, int inputSize, int depth, int width, Activation activation, int vocab, int maxLen,
      int dim, int layers, int numHeads, int ffDim, int padToken, boolean floatTokens, List<HeadSpec> heads) {
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
    return new PolicySpec(Kind.MLP, inputSize, depth, width, activation, 0, 0, 0, 0, 0, 0, -1, false, List.of());
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
        List.of());
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
        padToken, floatTokens, hs);
  }

  /** Masks attention to and from positions holding {@code token}, as gfnx's Encoder does. */
  public PolicySpec withPadMask(int token) {
    if (kind != Kind.TRANSFORMER || token < 0 || token >= vocab) {
      throw new IllegalArgumentException("pad token " + token + " needs a transformer with vocab > token");
    }
    return new PolicySpec(kind, inputSize, depth, width, activation, vocab, maxLen, dim, layers, numHeads, ffDim,
        token, floatTokens, heads);
  }

  /** Takes the tokens as a float tensor of token ids (cast in the graph) instead of int32. */
  public PolicySpec withFloatTokens() {
    if (kind != Kind.TRANSFORMER) {
      throw new IllegalArgumentException("float tokens need a transformer");
    }
    return new PolicySpec(kind, inputSize, depth, width, activation, vocab, maxLen, dim, layers, numHeads, ffDim,
        padToken, true, heads);
  }

  /** Throws unless the spec has at least one head. */
  public PolicySpec validate() {
    if (heads.isEmpty()) {
      throw new IllegalArgumentException("a policy needs at least one head");
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

  /** Columns of the observation tensor: inputSize (MLP) or maxLen (transformer). */
  public int observationWidth() {
    return kind == Kind.MLP ? inputSize : maxLen;
  }

  /** True when observations are float tensors (else int32 tokens). */
  public boolean floatObservations() {
    return kind == Kind.MLP || floatTokens;
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
    PolicySpec s = raw.kind == Kind.MLP
        ? mlp(raw.inputSize, raw.depth, raw.width, raw.activation)
        : transformer(raw.vocab, raw.maxLen, raw.dim, raw.layers, raw.numHeads, raw.ffDim);
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
