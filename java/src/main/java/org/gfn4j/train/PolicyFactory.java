package org.gfn4j.train;

import java.util.Locale;
import org.gfn4j.env.Environment;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.OptimizerConfig;
import org.gfn4j.policy.PolicyKind;
import org.gfn4j.policy.PolicyKinds;
import org.gfn4j.policy.PolicySettings;
import org.gfn4j.policy.PolicySpec;

/**
 * The policy network and optimiser of a training config: the network comes from the policy kind
 * the {@code policy} setting names ({@code auto}: chosen from the environment's observations, see
 * {@link PolicyKinds}), with one forward-logits, one backward-logits and one log-flow head (one
 * network for every objective; unused heads receive zero upstream gradients).
 */
public final class PolicyFactory {
  public static final String FORWARD = PolicyKind.FORWARD;
  public static final String BACKWARD = PolicyKind.BACKWARD;
  public static final String LOG_FLOW = PolicyKind.LOG_FLOW;

  private PolicyFactory() {}

  public static PolicySpec spec(TrainConfig c, Environment env) {
    Activation activation;
    try {
      activation = Activation.valueOf(c.get(TrainKey.ACTIVATION).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'activation' must be relu, leaky_relu, gelu or tanh, got '"
          + c.get(TrainKey.ACTIVATION) + "'");
    }
    PolicySettings settings = new PolicySettings(c.getInt(TrainKey.HIDDEN), c.getInt(TrainKey.DEPTH), activation,
        c.getInt(TrainKey.TF_DIM), c.getInt(TrainKey.TF_LAYERS), c.getInt(TrainKey.TF_HEADS),
        c.getInt(TrainKey.TF_FEED_FORWARD), c.getInt(TrainKey.EMB_SIZE), c.getInt(TrainKey.HEAD_WIDTH),
        c.getInt(TrainKey.HEAD_DEPTH));
    return PolicyKinds.choose(c.get(TrainKey.POLICY), env.observationSpec())
        .build(env.observationSpec(), env.numActions(), env.numBackwardActions(), settings);
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
