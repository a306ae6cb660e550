package org.gfn4j.train;

import java.util.Locale;
import org.gfn4j.env.Environment;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicySpec;

/**
 * The policy network and optimiser of a training config, as the gfnx baselines build them: an
 * MLP on the observation with a forward-logits, a backward-logits and a log-flow head (one
 * network for every objective; unused heads receive zero upstream gradients).
 */
public final class PolicyFactory {
  public static final String FORWARD = "forward_logits";
  public static final String BACKWARD = "backward_logits";
  public static final String LOG_FLOW = "log_flow";

  private PolicyFactory() {}

  public static PolicySpec spec(TrainConfig c, Environment env) {
    Activation activation;
    try {
      activation = Activation.valueOf(c.get(TrainKey.ACTIVATION).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'activation' must be relu, leaky_relu, gelu or tanh, got '"
          + c.get(TrainKey.ACTIVATION) + "'");
    }
    return PolicySpec.mlp(env.observationSize(), c.getInt(TrainKey.DEPTH), c.getInt(TrainKey.HIDDEN), activation)
        .head(FORWARD, env.numActions())
        .head(BACKWARD, env.numBackwardActions())
        .head(LOG_FLOW, 1);
  }

  /** Adam/AdamW for the network; TB also gets its scalar logZ with its own learning rate. */
  public static OptimizerConfig optimizer(TrainConfig c, boolean usesLogZ) {
    double lr = c.getDouble(TrainKey.LR);
    OptimizerConfig opt;
    switch (c.get(TrainKey.OPTIMIZER)) {
      case "adam":
        opt = OptimizerConfig.adam(lr);
        break;
      case "adamw":
        opt = OptimizerConfig.adamw(lr, c.getDouble(TrainKey.WEIGHT_DECAY));
        break;
      default:
        throw new IllegalArgumentException("'optimizer' must be adam or adamw, got '" + c.get(TrainKey.OPTIMIZER) + "'");
    }
    return usesLogZ ? opt.withLogZ(c.getDouble(TrainKey.LOGZ_LR), c.getDouble(TrainKey.LOGZ_INIT)) : opt;
  }
}
