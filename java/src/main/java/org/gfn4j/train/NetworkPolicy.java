package org.gfn4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn4j.policy.Heads;
import org.gfn4j.policy.MlpForward;
import org.gfn4j.policy.PolicyNetwork;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Adapts a policy network (ONNX trainer, target network, exported model, or the native MLP
 * forward, which alone skips rows) to the rollout's PolicyFn.
 */
public final class NetworkPolicy implements PolicyFn {
  private final PolicyNetwork network;

  public NetworkPolicy(PolicyNetwork network) {
    this.network = network;
  }

  @Override
  public void evaluate(Tensor<?> obs, FloatTensor forwardLogits, FloatTensor backwardLogits, FloatTensor logFlow) {
    evaluate(obs, null, forwardLogits, backwardLogits, logFlow);
  }

  @Override
  public void evaluate(Tensor<?> obs, ByteTensor skip, FloatTensor forwardLogits, FloatTensor backwardLogits,
      FloatTensor logFlow) {
    Map<String, FloatTensor> heads = new LinkedHashMap<>(4);
    heads.put(PolicyFactory.FORWARD, forwardLogits);
    heads.put(PolicyFactory.BACKWARD, backwardLogits);
    heads.put(PolicyFactory.LOG_FLOW, logFlow);
    if (network instanceof MlpForward mlp) {
      mlp.forward(obs, skip, Heads.wrap(heads));
    } else {
      network.forward(obs, Heads.wrap(heads));
    }
  }
}
