// The scalar log partition function of trajectory balance, with its own Adam and learning rate.
package org.gfn4j.policy;

/**
 * logZ and its optimizer, kept in Java (one scalar is not worth a graph). Gradients accumulate
 * until {@link PolicyTrainer#step()}, which applies optax-style Adam:
 * {@code m = β1 m + (1-β1) g; v = β2 v + (1-β2) g²; logZ -= lr · m̂ / (√v̂ + ε)} with bias-corrected
 * m̂, v̂. Computed in double (gfnx uses float32; the difference is far below training noise).
 */
public final class LogZ {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private double value;
  private double learningRate;
  private double m;
  private double v;
  private long t;
  private double grad;
  private boolean pending;

  LogZ(double value, double learningRate, double beta1, double beta2, double epsilon) {
    this.value = value;
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  public double value() {
    return value;
  }

  public void setValue(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("logZ must be finite, got " + value);
    }
    this.value = value;
  }

  /** Adds {@code dLoss/dlogZ} to the pending gradient. */
  public void accumulate(double dLossDLogZ) {
    if (!Double.isFinite(dLossDLogZ)) {
      throw new IllegalArgumentException("logZ gradient must be finite, got " + dLossDLogZ);
    }
    grad += dLossDLogZ;
    pending = true;
  }

  /** The gradient accumulated since the last step. */
  public double gradient() {
    return grad;
  }

  public double learningRate() {
    return learningRate;
  }

  public void setLearningRate(double lr) {
    if (!(lr >= 0) || !Double.isFinite(lr)) {
      throw new IllegalArgumentException("logZ learning rate must be finite and >= 0, got " + lr);
    }
    learningRate = lr;
  }

  /** Adam steps applied so far. */
  public long steps() {
    return t;
  }

  void step() {
    if (!pending) {
      return;
    }
    t++;
    m = beta1 * m + (1 - beta1) * grad;
    v = beta2 * v + (1 - beta2) * grad * grad;
    double mHat = m / (1 - Math.pow(beta1, t));
    double vHat = v / (1 - Math.pow(beta2, t));
    value -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
    zeroGradient();
  }

  void zeroGradient() {
    grad = 0;
    pending = false;
  }

  /** Persistent state: value, learning rate, moments and step. */
  record State(double value, double learningRate, double m, double v, long t) {}

  State state() {
    return new State(value, learningRate, m, v, t);
  }

  void restore(State s) {
    value = s.value();
    learningRate = s.learningRate();
    m = s.m();
    v = s.v();
    t = s.t();
    zeroGradient();
  }
}
