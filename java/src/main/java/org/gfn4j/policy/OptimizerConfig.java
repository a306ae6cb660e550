// Adam/AdamW settings for the network and, optionally, a separately optimised scalar logZ.
package org.gfn4j.policy;

/**
 * Immutable optimizer settings. The network uses ORT's AdamW kernel in PyTorch mode
 * ({@code adam_mode=0}, bias correction on): {@code w -= lr·wd·w; w -= lr·m̂/(√v̂ + ε)}, which is
 * optax's {@code adam} (wd = 0) and {@code adamw}. logZ, when enabled, has its own Adam with
 * its own learning rate and the same betas and epsilon (gfnx trains logZ with a different rate).
 */
public record OptimizerConfig(
    double learningRate,
    double weightDecay,
    double beta1,
    double beta2,
    double epsilon,
    boolean logZ,
    double logZLearningRate,
    double logZInit) {

  public OptimizerConfig {
    if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
    }
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
    }
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("betas must lie in [0, 1), got " + beta1 + ", " + beta2);
    }
    if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
    }
    if (!(logZLearningRate >= 0) || !Double.isFinite(logZLearningRate) || !Double.isFinite(logZInit)) {
      throw new IllegalArgumentException("logZ learning rate and init must be finite (rate >= 0)");
    }
  }

  /** optax.adam defaults: β = (0.9, 0.999), ε = 1e-8. */
  public static OptimizerConfig adam(double learningRate) {
    return new OptimizerConfig(learningRate, 0, 0.9, 0.999, 1e-8, false, 0, 0);
  }

  /** Decoupled weight decay, as optax.adamw / torch.optim.AdamW. */
  public static OptimizerConfig adamw(double learningRate, double weightDecay) {
    return new OptimizerConfig(learningRate, weightDecay, 0.9, 0.999, 1e-8, false, 0, 0);
  }

  public OptimizerConfig withBetas(double b1, double b2) {
    return new OptimizerConfig(learningRate, weightDecay, b1, b2, epsilon, logZ, logZLearningRate, logZInit);
  }

  public OptimizerConfig withEpsilon(double eps) {
    return new OptimizerConfig(learningRate, weightDecay, beta1, beta2, eps, logZ, logZLearningRate, logZInit);
  }

  /** Adds a scalar logZ trained by Adam with {@code learningRate}, starting at {@code init}. */
  public OptimizerConfig withLogZ(double learningRate, double init) {
    return new OptimizerConfig(this.learningRate, weightDecay, beta1, beta2, epsilon, true, learningRate, init);
  }
}
