package org.gfn4j.train;

import java.util.Map;
import org.gfn4j.env.RewardModule;
import org.gfn4j.rollout.HeadBlock;
import org.gfn4j.rollout.PolicyFn;
import org.gfn4j.rollout.Trajectories;

/**
 * A reward learned jointly with the sampler (gfnx's tb_ising energy model): the trainer gives the
 * environment {@link #reward()}, shows the learner each iteration's policy before its update and
 * the batch it rolled out, and the learner changes its reward only inside
 * {@link #afterUpdate}, so every batch is scored by one fixed reward.
 */
public interface RewardLearner extends AutoCloseable {
  /** The reward module the environment scores with; it reads the learner's current parameters. */
  RewardModule reward();

  /**
   * Called in iteration {@code step} once its batch is rolled out and before the policy update,
   * with the policy that rolled it out.
   */
  void beforeUpdate(PolicyFn policy, long step);

  /**
   * Called after the policy update of iteration {@code step} with its fresh rollout: {@code used} slots of
   * {@code batch} and the heads the pre-update policy wrote for them. Updates the reward.
   */
  void afterUpdate(Trajectories batch, HeadBlock heads, int used, long step);

  /** What the learner reports at an evaluation (gfnx names where gfnx has them). */
  Map<String, Double> metrics();

  /** The learner's state for a checkpoint (parameters, optimizer moments, counters). */
  double[] state();

  /** Restores a {@link #state()}; IllegalArgumentException when it does not fit this learner. */
  void restore(double[] state);

  @Override
  void close();
}
