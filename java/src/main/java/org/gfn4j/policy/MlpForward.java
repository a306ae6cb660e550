// The forward pass of an MLP policy computed by gfn4j's own kernel from a copy of its parameters.
package org.gfn4j.policy;

import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.gfn4j.runtime.Backend;
import org.gfn4j.internal.cpu.MlpKernels;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Evaluates an MLP {@link PolicySpec} without ONNX Runtime: the parameters are copied in once
 * ({@link #sync} from a trainer after each optimizer step, or {@link #load} from a flat
 * graph-order buffer) and packed for the native GEMM (gfn4j/mlp.h); each forward is then one
 * native call for the whole batch, optionally skipping rows (finished trajectories). Backend.JAVA
 * runs the pure-Java twin. Values equal ONNX Runtime's within float rounding (a different
 * summation order). Not thread-safe.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class MlpForward implements PolicyNetwork {
  private final PolicySpec spec;
  private final Backend backend;
  private final Map<String, Integer> headSizes;
  private final List<String> headNames;
  private final int[] units;
  private final FloatTensor params;
  private final FloatTensor packed;
  /** The packed buffer's first floats, where ORT copies the parameters when no hidden width needs padding; else null. */
  private final FloatTensor packedPrefix;
  private final IntPointer unitsPointer;
  private final PointerPointer<?> headPointers;
  private final FloatTensor[] headTensors;
  private final JavaMlp twin;
  private PointerPointer<?> actPointers;
  private boolean loaded;
  private boolean closed;

  private MlpForward(PolicySpec spec, Backend backend) {
    if (spec.kind() != PolicySpec.Kind.MLP) {
      throw new IllegalArgumentException("the native forward computes MLP policies only, got " + spec.kind());
    }
    spec.validate();
    this.spec = spec;
    this.backend = backend;
    Map<String, Integer> sizes = new LinkedHashMap<>();
    spec.heads().forEach(h -> sizes.put(h.name(), h.size()));
    this.headSizes = Collections.unmodifiableMap(sizes);
    this.headNames = List.copyOf(sizes.keySet());
    this.units = spec.heads().stream().mapToInt(HeadSpec::units).toArray();
    this.params = FloatTensor.allocate(parameterCount(spec));
    this.headTensors = new FloatTensor[units.length];
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
      this.unitsPointer = new IntPointer(units.length).put(units);
      long size = MlpKernels.mlp_packed_size(spec.inputSize(), spec.depth(), spec.width(), units.length, unitsPointer);
      NativeStatus.check((int) Math.max(Integer.MIN_VALUE, Math.min(0, size)), "mlp_packed_size");
      this.packed = FloatTensor.allocate(size);
      this.packedPrefix = spec.width() % 16 == 0 ? packed.view(0, params.size()) : null;
      this.headPointers = new PointerPointer<>(units.length);
      this.twin = null;
    } else {
      this.unitsPointer = null;
      this.packed = null;
      this.packedPrefix = null;
      this.headPointers = null;
      this.twin = new JavaMlp(spec);
    }
  }

  /** A forward for {@code spec} (an MLP) on {@code backend}; load or sync parameters before use. */
  public static MlpForward create(PolicySpec spec, Backend backend) {
    return new MlpForward(spec, backend);
  }

  /** Parameter elements of an MLP spec in graph order (what {@link #load} takes). */
  public static long parameterCount(PolicySpec spec) {
    long n = 0;
    long in = spec.inputSize();
    for (int l = 0; l < spec.depth(); l++) {
      n += (in + 1) * spec.width();
      in = spec.width();
    }
    for (HeadSpec h : spec.heads()) {
      n += (in + 1) * h.units();
    }
    return n;
  }

  /** Copies the trainer's current parameters (one ORT call) and packs them. */
  public void sync(PolicyTrainer trainer) {
    ensureOpen();
    if (!trainer.spec().equals(spec)) {
      throw new IllegalArgumentException("the trainer's architecture differs from this forward's");
    }
    if (packedPrefix != null) { // hidden layers land in place: one copy instead of three passes
      trainer.copyParametersTo(packedPrefix);
      try (NativeResource.Lease lease = NativeResource.lease(packed)) {
        NativeStatus.check(MlpKernels.mlp_pack_in_place(spec.inputSize(), spec.depth(), spec.width(), units.length,
            unitsPointer, packed.pointer()), "mlp_pack_in_place");
      }
      loaded = true;
      return;
    }
    trainer.copyParametersTo(params);
    pack();
  }

  /** Takes parameters flat in graph order ({@link #parameterCount} floats, as ORT copies them). */
  public void load(FloatTensor flat) {
    ensureOpen();
    flat.requireSize("parameter buffer", params.size());
    try (NativeResource.Lease lease = NativeResource.lease(flat, params)) {
      params.copyFrom(flat);
    }
    pack();
  }

  private void pack() {
    try (NativeResource.Lease lease = NativeResource.lease(params)) {
      if (backend == Backend.JAVA) {
        twin.load(params.buffer());
      } else {
        NativeStatus.check(MlpKernels.mlp_pack(spec.inputSize(), spec.depth(), spec.width(), units.length,
            unitsPointer, params.pointer(), packed.pointer()), "mlp_pack");
      }
    }
    loaded = true;
  }

  public PolicySpec spec() {
    return spec;
  }

  /**
   * The packed parameters the native kernels read (gfn4j/mlp.h layout), for fused native loops
   * that call the forward themselves; read-only. Throws before the first load or sync, and for
   * the Java backend (which keeps no packed copy).
   */
  public FloatTensor packedParameters() {
    ensureOpen();
    if (!loaded || packed == null) {
      throw new IllegalStateException(loaded ? "the Java backend has no packed parameters" : "no parameters yet");
    }
    return packed;
  }

  @Override
  public Map<String, Integer> headSizes() {
    return headSizes;
  }

  @Override
  public void forward(Tensor<?> obs, Heads out) {
    forward(obs, null, out);
  }

  /**
   * Heads of every row of {@code obs} whose {@code skip} flag is 0 ({@code skip} may be null: no
   * row is skipped); skipped rows get zero heads.
   */
  public void forward(Tensor<?> obs, ByteTensor skip, Heads out) {
    forward(obs, skip, out, null);
  }

  /**
   * {@link #forward(Tensor, ByteTensor, Heads)} that also keeps, when {@code keep} is non-null,
   * every hidden layer's output of the evaluated rows (in row order, skipped rows left out) for
   * a backward pass; {@code keep} must have room for them.
   */
  public void forward(Tensor<?> obs, ByteTensor skip, Heads out, HiddenActivations keep) {
    ensureOpen();
    if (!loaded) {
      throw new IllegalStateException("no parameters yet: call load or sync first");
    }
    int n = Observations.rows(obs, spec);
    out.require(headSizes, n);
    if (skip != null && skip.size() != n) {
      throw new IllegalArgumentException("skip flags must have " + n + " elements, got " + skip);
    }
    int live = skip == null ? n : n - (int) skip.countNonZero();
    if (keep != null) {
      requireRoom(keep, live);
    }
    NativeResource[] pinned = new NativeResource[(skip == null ? 1 : 2) + units.length];
    int k = 0;
    pinned[k++] = obs;
    if (skip != null) {
      pinned[k++] = skip;
    }
    for (int i = 0; i < units.length; i++) {
      headTensors[i] = out.get(headNames.get(i));
      pinned[k++] = headTensors[i];
    }
    try (NativeResource.Lease lease = NativeResource.lease(pinned);
        NativeResource.Lease kept = keep == null ? null : keep.lease()) {
      FloatTensor x = (FloatTensor) obs;
      if (backend == Backend.JAVA) {
        FloatBuffer[] heads = new FloatBuffer[units.length];
        for (int i = 0; i < heads.length; i++) {
          heads[i] = headTensors[i].buffer();
        }
        FloatBuffer[] acts = null;
        if (keep != null) {
          acts = new FloatBuffer[spec.depth()];
          for (int i = 0; i < acts.length; i++) {
            acts[i] = keep.buffer(i).buffer();
          }
        }
        twin.forward(x.buffer(), n, skip == null ? null : skip.buffer(), heads, acts);
      } else {
        for (int i = 0; i < units.length; i++) {
          headPointers.put(i, headTensors[i].pointer());
        }
        PointerPointer<?> acts = null;
        if (keep != null) {
          acts = actPointers(keep);
        }
        NativeStatus.check(MlpKernels.mlp_forward_keep(spec.inputSize(), spec.depth(), spec.width(), units.length,
            unitsPointer, spec.activation().ordinal(), packed.pointer(), n, x.pointer(),
            skip == null ? null : skip.pointer(), headPointers, acts, null), "mlp_forward");
      }
    }
    if (keep != null) {
      keep.setRows(live);
    }
  }

  /** Pointers to {@code keep}'s layer buffers, for native calls that fill them (reused between calls). */
  public PointerPointer<?> actPointers(HiddenActivations keep) {
    ensureOpen();
    if (actPointers == null) {
      actPointers = new PointerPointer<>(Math.max(1, spec.depth()));
    }
    for (int i = 0; i < spec.depth(); i++) {
      actPointers.put(i, keep.buffer(i).pointer());
    }
    return actPointers;
  }

  /** Throws unless {@code keep} fits this network's hidden layers and has room for {@code rows} rows. */
  public void requireRoom(HiddenActivations keep, long rows) {
    if (keep.depth() != spec.depth() || keep.width() != spec.width() || keep.capacity() < rows) {
      throw new IllegalArgumentException("hidden activations of " + keep.depth() + " layers × " + keep.width()
          + " for " + keep.capacity() + " rows cannot keep " + rows + " rows of " + spec.depth() + " layers × "
          + spec.width());
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("MLP forward is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    params.close();
    if (packed != null) {
      if (packedPrefix != null) {
        packedPrefix.close();
      }
      packed.close();
      unitsPointer.close();
      headPointers.close();
    }
    if (actPointers != null) {
      actPointers.close();
    }
  }
}
