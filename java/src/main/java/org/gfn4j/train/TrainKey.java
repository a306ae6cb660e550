package org.gfn4j.train;

import java.util.Locale;

/**
 * Every training setting, with its default (gfnx's hypergrid TB baseline) and a check of its
 * value. A preset is a set of overrides of these; the CLI can override any key with --set.
 */
public enum TrainKey {
  ENV("env", "hypergrid:dim=4,side=20,reward=easy", Kind.TEXT, "environment spec"),
  OBJECTIVE("objective", "tb", Kind.TEXT, "tb, db, subtb, fldb, mdb or softdqn"),
  STEPS("steps", "62500", Kind.POSITIVE_INT, "training iterations"),
  BATCH("batch", "16", Kind.POSITIVE_INT, "trajectories per iteration (gfnx num_envs)"),
  SEED("seed", "111", Kind.LONG, "seed of initialisation, sampling and metrics"),
  HIDDEN("hidden", "256", Kind.POSITIVE_INT, "MLP width"),
  DEPTH("depth", "2", Kind.POSITIVE_INT, "MLP hidden layers"),
  ACTIVATION("activation", "relu", Kind.TEXT, "relu, leaky_relu, gelu or tanh"),
  OPTIMIZER("optimizer", "adam", Kind.TEXT, "adam or adamw"),
  LR("lr", "1e-3", Kind.POSITIVE_DOUBLE, "network learning rate"),
  WEIGHT_DECAY("weight_decay", "0", Kind.NON_NEGATIVE_DOUBLE, "AdamW weight decay"),
  LOGZ_LR("logz_lr", "0.1", Kind.POSITIVE_DOUBLE, "learning rate of the scalar logZ (TB)"),
  LOGZ_INIT("logz_init", "0", Kind.DOUBLE, "initial logZ"),
  EPS_START("eps_start", "0.1", Kind.PROBABILITY, "exploration epsilon at step 0"),
  EPS_END("eps_end", "0", Kind.PROBABILITY, "exploration epsilon after eps_steps"),
  EPS_STEPS("eps_steps", "30000", Kind.NON_NEGATIVE_INT, "linear epsilon schedule length (0: constant eps_start)"),
  TEMPERATURE("temperature", "1", Kind.POSITIVE_DOUBLE, "logit temperature while sampling"),
  TRAIN_BACKWARD("train_backward", "true", Kind.BOOLEAN, "learn PB (false: uniform PB)"),
  SUBTB_LAMBDA("subtb_lambda", "1", Kind.POSITIVE_DOUBLE, "SubTB lambda"),
  LEAF_COEFF("leaf_coeff", "5", Kind.POSITIVE_DOUBLE, "soft-DQN weight of terminal transitions"),
  TARGET_TAU("target_tau", "0.25", Kind.PROBABILITY, "target network soft-update rate"),
  TARGET_EVERY("target_every", "1", Kind.POSITIVE_INT, "target network update period (iterations)"),
  REPLAY("replay", "none", Kind.TEXT, "none or uniform (transition replay for off-policy objectives)"),
  REPLAY_CAPACITY("replay_capacity", "100000", Kind.POSITIVE_INT, "replay buffer capacity (transitions)"),
  REPLAY_BATCH("replay_batch", "256", Kind.POSITIVE_INT, "transitions sampled per update"),
  REPLAY_MIN("replay_min", "1000", Kind.NON_NEGATIVE_INT, "transitions stored before updates start"),
  EVAL_EVERY("eval_every", "500", Kind.POSITIVE_INT, "evaluation period (iterations)"),
  METRIC_BUFFER("metric_buffer", "200000", Kind.POSITIVE_INT, "FIFO of training terminal states (approx metrics)"),
  EVAL_ROUNDS("eval_rounds", "10", Kind.POSITIVE_INT, "ELBO/EUBO rounds"),
  EVAL_BATCH("eval_batch", "16", Kind.POSITIVE_INT, "ELBO/EUBO trajectories per round"),
  CORR_OBJECTS("corr_objects", "64", Kind.NON_NEGATIVE_INT, "test objects of the log P(x) vs log R(x) correlation (0: off)"),
  THREADS("threads", "1", Kind.POSITIVE_INT, "threads of ONNX Runtime (intra-op) and of the native kernels"),
  NATIVE_FORWARD("native_forward", "true", Kind.BOOLEAN,
      "MLP policies: rollouts and evaluations run gfn4j's native forward (false: ONNX Runtime)");

  /** Value kinds, each with its own check. */
  enum Kind {
    TEXT, POSITIVE_INT, NON_NEGATIVE_INT, LONG, DOUBLE, POSITIVE_DOUBLE, NON_NEGATIVE_DOUBLE, PROBABILITY, BOOLEAN
  }

  final String key;
  final String defaultValue;
  final Kind kind;
  final String description;

  TrainKey(String key, String defaultValue, Kind kind, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.kind = kind;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public static TrainKey of(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (TrainKey t : values()) {
      if (t.key.equals(k)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown training setting '" + key + "' (see 'gfn4j train --list-settings')");
  }

  /** Throws IllegalArgumentException naming this key unless {@code value} is acceptable. */
  void check(String value) {
    try {
      switch (kind) {
        case POSITIVE_INT:
          require(Integer.parseInt(value) > 0, "must be a positive integer");
          break;
        case NON_NEGATIVE_INT:
          require(Integer.parseInt(value) >= 0, "must be a non-negative integer");
          break;
        case LONG:
          Long.parseLong(value);
          break;
        case DOUBLE:
          require(Double.isFinite(Double.parseDouble(value)), "must be a finite number");
          break;
        case POSITIVE_DOUBLE:
          double p = Double.parseDouble(value);
          require(Double.isFinite(p) && p > 0, "must be a positive number");
          break;
        case NON_NEGATIVE_DOUBLE:
          double q = Double.parseDouble(value);
          require(Double.isFinite(q) && q >= 0, "must be a non-negative number");
          break;
        case PROBABILITY:
          double r = Double.parseDouble(value);
          require(r >= 0 && r <= 1, "must be in [0, 1]");
          break;
        case BOOLEAN:
          require(value.equals("true") || value.equals("false"), "must be true or false");
          break;
        default:
          require(!value.isBlank(), "must not be empty");
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + key + "' " + kindText() + ", got '" + value + "'");
    }
  }

  private void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("'" + key + "' " + what);
    }
  }

  private String kindText() {
    return kind == Kind.LONG ? "must be an integer" : kind.name().contains("INT") ? "must be an integer" : "must be a number";
  }
}
