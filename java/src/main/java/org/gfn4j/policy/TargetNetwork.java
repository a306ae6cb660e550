// A frozen parameter copy evaluated with the trainer's eval graph (soft-DQN, FL-DB, MDB targets).
package org.gfn4j.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.onnxruntime.OrtValue;
import org.gfn4j.runtime.Backend;
import org.gfn4j.policy.onnx.NetworkGraph;
import org.gfn4j.policy.onnx.ParameterSpec;
import org.gfn4j.policy.ort.InferenceSession;
import org.gfn4j.policy.ort.OrtException;
import org.gfn4j.policy.ort.ValueCache;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * The eval graph (parameters are graph inputs) in a plain ORT session, fed from a flat
 * parameter buffer owned here: each parameter input is an OrtValue over a slice of it. The
 * online parameters arrive through ORT's {@code CopyParametersToBuffer} (graph order), and
 * {@link #softUpdate} averages them in with the {@link Polyak} kernel. Not thread-safe.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class TargetNetwork extends NativeResource implements PolicyNetwork {
  private final PolicySpec spec;
  private final InferenceSession session;
  private final FloatTensor params;
  private final FloatTensor online;
  private final List<FloatTensor> slices = new ArrayList<>();
  /** OrtValues over the parameter slices: bound once, never evicted. */
  private final List<OrtValue> paramValues = new ArrayList<>();
  private final ValueCache cache;
  private final PointerPointer<OrtValue> in;
  private final PointerPointer<OrtValue> out;
  private final int obsIndex;
  private final Map<String, Integer> headSizes;
  private final List<String> outputs = new ArrayList<>();

  TargetNetwork(PolicyTrainer trainer) {
    this.spec = trainer.spec();
    this.headSizes = trainer.headSizes();
    this.cache = new ValueCache(64 + 8 * headSizes.size());
    long count = trainer.parameterCount();
    this.params = FloatTensor.allocate(count);
    this.online = FloatTensor.allocate(count);
    try {
      this.session = new InferenceSession(trainer.evalModel(), trainer.threads());
    } catch (OrtException e) {
      params.close();
      online.close();
      throw e;
    }
    Map<String, FloatTensor> byName = new HashMap<>();
    long offset = 0;
    for (ParameterSpec p : NetworkGraph.of(spec).parameters()) {
      FloatTensor slice = params.view(offset, p.shape());
      byName.put(p.name(), slice);
      slices.add(slice);
      offset += p.size();
    }
    if (offset != count) {
      close();
      throw new IllegalStateException("parameter layout (" + offset + ") differs from ORT's (" + count + ")");
    }
    List<InferenceSession.Port> ports = session.inputs();
    in = new PointerPointer<>(ports.size());
    int obs = -1;
    for (int i = 0; i < ports.size(); i++) {
      FloatTensor slice = byName.get(ports.get(i).name());
      if (slice == null) {
        obs = i;
      } else {
        OrtValue v = ValueCache.wrap(slice.pointer(), slice.size() * 4, slice.shape(), ValueCache.elementType(slice));
        paramValues.add(v);
        in.put(i, v);
      }
    }
    if (obs < 0 || ports.size() != slices.size() + 1) {
      close();
      throw new IllegalStateException("eval model inputs " + ports + " do not match the parameters");
    }
    obsIndex = obs;
    session.outputs().forEach(p -> outputs.add(p.name()));
    out = new PointerPointer<>(outputs.size());
    trainer.copyParametersTo(params);
  }

  @Override
  public Map<String, Integer> headSizes() {
    return headSizes;
  }

  @Override
  public void forward(Tensor<?> obs, Heads heads) {
    ensureOpen();
    int n = Observations.rows(obs, spec);
    heads.require(headSizes, n);
    NativeResource[] r = new NativeResource[2 + outputs.size()];
    r[0] = obs;
    r[1] = params;
    for (int i = 0; i < outputs.size(); i++) {
      r[2 + i] = heads.get(outputs.get(i));
    }
    try (NativeResource.Lease lease = NativeResource.lease(r)) {
      in.put(obsIndex, cache.of(obs));
      for (int i = 0; i < outputs.size(); i++) {
        out.put(i, cache.of(heads.get(outputs.get(i))));
      }
      session.run(in, out);
    }
  }

  /**
   * {@code target ← (1 − tau)·target + tau·online}; {@code tau = 1} copies the online
   * parameters exactly.
   */
  public void softUpdate(PolicyTrainer trainer, double tau) {
    ensureOpen();
    if (!(tau >= 0 && tau <= 1)) {
      throw new IllegalArgumentException("tau must lie in [0, 1], got " + tau);
    }
    if (!trainer.spec().equals(spec)) {
      throw new IllegalArgumentException("the trainer's architecture differs from this target's");
    }
    trainer.copyParametersTo(online);
    Polyak.update(Backend.NATIVE, (float) tau, online, params);
  }

  /** The flat parameter buffer (graph order); writes to it change the target network. */
  public FloatTensor parameters() {
    ensureOpen();
    return params;
  }


  @Override
  protected void free() {
    cache.close();
    paramValues.forEach(v -> org.gfn4j.policy.ort.Ort.api().ReleaseValue(v));
    paramValues.clear();
    if (session != null) {
      session.close();
    }
    slices.forEach(FloatTensor::close);
    online.close();
    params.close();
  }

  @Override
  protected String describe() {
    return "target network";
  }

}
