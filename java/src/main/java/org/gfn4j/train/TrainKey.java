package org.gfn4j.train;

import java.util.Locale;
import org.gfn4j.io.Inputs;

/**
 * Every training setting, with its default (gfnx's baseline values) and a check of its
 * value. A preset is a set of overrides of these; the CLI can override any key with --set.
 */
public enum TrainKey {
  ENV("env", "", Kind.TEXT, "environment spec (every preset sets one)"),
  OBJECTIVE("objective", "tb", Kind.TEXT,
      "tb, db, subtb, fldb, mdb, softdqn, mdqn (soft-DQN with the Munchausen bonus), or for cycles ndb, ndb_flow, sdb"),
  STEPS("steps", "62500", Kind.POSITIVE_INT, "training iterations"),
  BATCH("batch", "16", Kind.POSITIVE_INT, "trajectories per iteration (gfnx num_envs)"),
  SEED("seed", "111", Kind.LONG, "seed of initialisation, sampling and metrics"),
  HIDDEN("hidden", "256", Kind.POSITIVE_INT, "MLP width"),
  DEPTH("depth", "2", Kind.POSITIVE_INT, "MLP hidden layers"),
  ACTIVATION("activation", "relu", Kind.TEXT, "relu, leaky_relu, gelu or tanh"),
  POLICY("policy", "auto", Kind.TEXT, "policy network kind: auto (from the observations), mlp, transformer, ..."),
  TF_DIM("tf_dim", "64", Kind.POSITIVE_INT, "transformer model width"),
  TF_LAYERS("tf_layers", "3", Kind.POSITIVE_INT, "transformer layers"),
  TF_HEADS("tf_heads", "8", Kind.POSITIVE_INT, "transformer attention heads"),
  TF_FEED_FORWARD("tf_ff", "64", Kind.POSITIVE_INT, "transformer feed-forward width"),
  EMB_SIZE("emb_size", "128", Kind.POSITIVE_INT, "phylo policy: per-slot embedding size (MLP of width hidden, depth depth)"),
  HEAD_WIDTH("head_width", "256", Kind.POSITIVE_INT, "phylo policy: width of the pair, backward and flow MLPs"),
  HEAD_DEPTH("head_depth", "3", Kind.POSITIVE_INT, "phylo policy: hidden layers of the pair, backward and flow MLPs"),
  OPTIMIZER("optimizer", "adam", Kind.TEXT, "adam or adamw"),
  LR("lr", "1e-3", Kind.POSITIVE_DOUBLE, "network learning rate (the peak of a warmup_cosine schedule)"),
  LR_SCHEDULE("lr_schedule", "constant", Kind.TEXT,
      "constant, or warmup_cosine (optax warmup_cosine_decay_schedule: 0 -> lr over lr_warmup, cosine to lr_end)"),
  LR_WARMUP("lr_warmup", "0", Kind.NON_NEGATIVE_INT, "warmup_cosine: warmup steps"),
  LR_END("lr_end", "0", Kind.NON_NEGATIVE_DOUBLE, "warmup_cosine: final learning rate"),
  LR_DECAY_STEPS("lr_decay_steps", "0", Kind.NON_NEGATIVE_INT,
      "warmup_cosine: optax decay_steps, warmup included (0: the run's steps)"),
  WEIGHT_DECAY("weight_decay", "0", Kind.NON_NEGATIVE_DOUBLE, "AdamW weight decay"),
  LOGZ_LR("logz_lr", "0.1", Kind.POSITIVE_DOUBLE, "learning rate of the scalar logZ (TB)"),
  LOGZ_INIT("logz_init", "0", Kind.DOUBLE, "initial logZ"),
  EPS_START("eps_start", "0.1", Kind.PROBABILITY, "exploration epsilon at step 0"),
  EPS_END("eps_end", "0", Kind.PROBABILITY, "exploration epsilon after eps_steps"),
  EPS_STEPS("eps_steps", "30000", Kind.NON_NEGATIVE_INT, "linear epsilon schedule length (0: constant eps_start)"),
  TEMPERATURE("temperature", "1", Kind.POSITIVE_DOUBLE, "logit temperature while sampling"),
  TRAIN_BACKWARD("train_backward", "true", Kind.BOOLEAN, "learn PB (false: uniform PB)"),
  BACKWARD_POLICY("backward_policy", "auto", Kind.TEXT,
      "auto (train_backward: naive or uniform), uniform, naive (PB head trained by the forward loss), tlm"
          + " (separate PB fitted by trajectory likelihood on each fresh batch) or pessimistic (on recent batches)"),
  PB_LR("pb_lr", "1e-3", Kind.POSITIVE_DOUBLE, "tlm/pessimistic: initial learning rate of the PB network"),
  PB_LR_DECAY("pb_lr_decay", "0.999", Kind.DECAY, "tlm: PB learning rate factor per PB step, in (0, 1]"),
  PB_TAU("pb_tau", "0.25", Kind.PROBABILITY, "tlm/pessimistic: Polyak rate of the target PB the forward loss reads"),
  PB_FIRST("pb_first", "true", Kind.BOOLEAN, "tlm/pessimistic: the PB step precedes the forward step"),
  PB_RECENT_BATCHES("pb_recent_batches", "20", Kind.POSITIVE_INT, "pessimistic: batches PB is fitted on"),
  SUBTB_LAMBDA("subtb_lambda", "1", Kind.POSITIVE_DOUBLE, "SubTB lambda"),
  LEAF_COEFF("leaf_coeff", "5", Kind.POSITIVE_DOUBLE, "soft-DQN weight of terminal transitions"),
  FLOW_REG("flow_reg", "auto", Kind.TEXT,
      "state-flow regulariser lambda of ndb/ndb_flow/sdb (loss += lambda*F(s)); auto: 1e-3 for ndb, else 0"),
  SDB_ALPHA("sdb_alpha", "2", Kind.POSITIVE_DOUBLE, "stable DB alpha: log(1 + eps*|x|^alpha)"),
  SDB_BETA("sdb_beta", "1", Kind.DOUBLE, "stable DB beta: weight (1 + eta*F(s))^beta"),
  SDB_EPS("sdb_eps", "1", Kind.POSITIVE_DOUBLE, "stable DB eps"),
  SDB_ETA("sdb_eta", "1e-3", Kind.NON_NEGATIVE_DOUBLE, "stable DB eta"),
  SDB_SCALE("sdb_scale", "flow", Kind.TEXT, "stable DB residual x: flow (F(s)PF - F(s')PB) or log"),
  MDQN_ALPHA("mdqn_alpha", "0.15", Kind.UNIT_INTERVAL_OPEN, "mdqn: Munchausen coefficient alpha in [0, 1)"),
  MDQN_L0("mdqn_l0", "-100", Kind.NON_POSITIVE_DOUBLE, "mdqn: clip floor l0 of the Munchausen bonus"),
  SOFTDQN_LAMBDA("softdqn_lambda", "auto", Kind.AUTO_OR_POSITIVE_DOUBLE,
      "softdqn/mdqn entropy temperature (auto: 1/(1 - alpha), the one whose fixed point is R/Z)"),
  DOUBLE_DQN("double_dqn", "false", Kind.BOOLEAN, "softdqn/mdqn: double-DQN next-state value"),
  MCTS("mcts", "none", Kind.TEXT, "MENTS tree search on softdqn, one tree per trajectory: none, mcts_train (the Q"
      + " network trains on the trees' targets, see mcts_loss), mcts_inference (sampling and evaluation draw from"
      + " softmax(Q_tree)) or mcts_all (both, and training trajectories also follow the trees)"),
  MCTS_ROLLOUTS("mcts_rollouts", "4", Kind.POSITIVE_INT, "mcts: expansions per tree per environment step"),
  MCTS_EPS("mcts_eps", "0.01", Kind.NON_NEGATIVE_DOUBLE,
      "mcts: E2W exploration eps, pi_tree = (1 - l)softmax(Q_tree) + l/|A| with l = eps*|A|/log(N(s) + 1)"),
  MCTS_LOSS("mcts_loss", "regression", Kind.TEXT, "mcts_train/mcts_all: regression (every Q(s, a) of a searched"
      + " state onto Q_tree(s, a) and exits onto log R, squared error, as the paper) or bootstrap (the softdqn loss"
      + " with the tree's V_tree(s') in place of the target network's value)"),
  MCTS_EVAL_SAMPLES("mcts_eval_samples", "0", Kind.NON_NEGATIVE_INT,
      "mcts_inference/mcts_all: objects drawn from the trees at each evaluation for mcts_* sample metrics (0: off)"),
  TARGET_TAU("target_tau", "0.25", Kind.PROBABILITY, "target network soft-update rate"),
  TARGET_EVERY("target_every", "1", Kind.POSITIVE_INT, "target network update period (iterations)"),
  REPLAY("replay", "none", Kind.TEXT, "none, uniform or prioritized (transition replay for off-policy objectives)"),
  REPLAY_CAPACITY("replay_capacity", "100000", Kind.POSITIVE_INT, "replay buffer capacity (transitions)"),
  REPLAY_BATCH("replay_batch", "256", Kind.POSITIVE_INT, "transitions sampled per update"),
  REPLAY_MIN("replay_min", "1000", Kind.NON_NEGATIVE_INT, "transitions stored before updates start"),
  REPLAY_ALPHA("replay_alpha", "0.5", Kind.NON_NEGATIVE_DOUBLE, "prioritized replay: priority exponent alpha"),
  REPLAY_BETA_START("replay_beta_start", "0.4", Kind.PROBABILITY, "prioritized replay: importance exponent beta at step 0"),
  REPLAY_BETA_END("replay_beta_end", "1", Kind.PROBABILITY, "prioritized replay: beta after replay_beta_steps"),
  REPLAY_BETA_STEPS("replay_beta_steps", "62500", Kind.NON_NEGATIVE_INT,
      "prioritized replay: linear beta schedule length (0: replay_beta_end at once)"),
  REWARD_MODEL("reward_model", "fixed", Kind.TEXT,
      "fixed (the environment's reward) or ising_ebm (gfnx tb_ising: J learned from zeros by an energy model"
          + " on parallel-tempering samples of the true Ising model, jointly with the sampler)"),
  EBM_LR("ebm_lr", "1e-4", Kind.POSITIVE_DOUBLE, "ising_ebm: Adam learning rate of J"),
  EBM_L1("ebm_l1", "0.1", Kind.NON_NEGATIVE_DOUBLE, "ising_ebm: weight of the L1 penalty sum |J_ij|"),
  EBM_MH("ebm_mh", "gfnx", Kind.TEXT,
      "ising_ebm: Metropolis-Hastings filter of the sampler's objects against the data's: gfnx (gfnx's ratio),"
          + " independence (the textbook independence-sampler ratio) or none"),
  EBM_SAMPLES("ebm_samples", "2000", Kind.POSITIVE_INT, "ising_ebm: data objects drawn once from the true model"),
  EBM_BURN_IN("ebm_burn_in", "1000", Kind.NON_NEGATIVE_INT, "ising_ebm: parallel-tempering burn-in exchanges"),
  EBM_EXCHANGES("ebm_exchanges", "16", Kind.POSITIVE_INT, "ising_ebm: exchanges between two data objects"),
  EBM_REPLICAS("ebm_replicas", "16", Kind.POSITIVE_INT, "ising_ebm: parallel-tempering replicas"),
  EBM_SWEEPS("ebm_sweeps", "2", Kind.POSITIVE_INT, "ising_ebm: heat-bath sweeps per exchange"),
  EBM_MIN_BETA("ebm_min_beta", "0.4", Kind.DECAY,
      "ising_ebm: lowest inverse temperature of the geometric ladder, as a fraction of 1, in (0, 1]"),
  LS_ITERATIONS("ls_iterations", "0", Kind.NON_NEGATIVE_INT,
      "local search (Kim et al. 2024): refinement rounds per iteration, each proposing one x' per sampled x (0: off)"),
  LS_BACKTRACK("ls_backtrack", "3", Kind.POSITIVE_INT,
      "local search: backward steps K taken by PB before PF rebuilds the object (an exit edge counts as one)"),
  LS_ACCEPT("ls_accept", "deterministic", Kind.TEXT, "local search: deterministic (keep x' iff R(x') > R(x)),"
      + " stochastic (with probability sigmoid(a), a the log MH ratio) or metropolis (min(1, e^a))"),
  LS_REPLAY_BATCH("ls_replay_batch", "32", Kind.NON_NEGATIVE_INT,
      "local search: objects per iteration from the reward-prioritised replay, trajectories drawn by PB (0: none)"),
  LS_REPLAY_CAPACITY("ls_replay_capacity", "100000", Kind.POSITIVE_INT, "local search: objects the reward replay keeps"),
  LS_REPLAY_TOP("ls_replay_top", "0.1", Kind.UNIT_INTERVAL_CLOSED,
      "local search: half of each replay draw comes from this top fraction by reward, in (0, 1]"),
  PATH_SCRAMBLES("path_scrambles", "0", Kind.NON_NEGATIVE_INT,
      "shortest paths (cube2): fixed scrambles each evaluation solves with PB (solve_* metrics; 0: off)"),
  PATH_SAMPLES("path_samples", "16", Kind.POSITIVE_INT,
      "shortest paths: backward samples per scramble, the best one counts (the search budget K)"),
  PATH_DEPTH("path_depth", "100", Kind.NON_NEGATIVE_INT,
      "shortest paths: uniformly random moves per scramble (100 mixes the 2x2x2 cube; fewer: easier scrambles)"),
  EVAL_EVERY("eval_every", "500", Kind.POSITIVE_INT, "evaluation period (iterations)"),
  METRIC_BUFFER("metric_buffer", "200000", Kind.POSITIVE_INT, "FIFO of training terminal states (approx metrics)"),
  EVAL_ROUNDS("eval_rounds", "10", Kind.POSITIVE_INT, "ELBO/EUBO rounds"),
  EVAL_BATCH("eval_batch", "16", Kind.POSITIVE_INT, "ELBO/EUBO trajectories per round"),
  CORR_OBJECTS("corr_objects", "64", Kind.NON_NEGATIVE_INT,
      "test objects of the log P(x) vs log R(x) correlation (without enumeration: evaluation samples; 0: off)"),
  THREADS("threads", "1", Kind.POSITIVE_INT, "threads of ONNX Runtime (intra-op) and of the native kernels"),
  NATIVE_FORWARD("native_forward", "true", Kind.BOOLEAN,
      "MLP policies: rollouts and evaluations run gfn4j's native forward (false: ONNX Runtime)"),
  REUSE_ACTIVATIONS("reuse_activations", "true", Kind.BOOLEAN,
      "MLP policies with the native forward: ONNX Runtime's train step is the backward pass alone, fed the"
          + " hidden activations the rollout's forward kept (false: it runs its own forward pass)"),
  BACKEND("backend", "native", Kind.TEXT, "environment kernels: native (C++) or java (the pure-Java twin)"),
  ENUM_MAX_STATES("enum_max_states", "4194304", Kind.POSITIVE_INT,
      "largest state space enumerated for exact metrics (non-terminal plus terminal states)"),
  OT_MAX_STATES("ot_max_states", "20000", Kind.NON_NEGATIVE_INT,
      "environments with a fixed first edge: largest enumerated state space whose exact W1 (min-cost flow) "
          + "is solved for the optimal-transport metrics ot_w1/ot_cost/ot_cost_ratio (0: none)");

  /** Value kinds, each with its own check. */
  enum Kind {
    TEXT, POSITIVE_INT, NON_NEGATIVE_INT, LONG, DOUBLE, POSITIVE_DOUBLE, NON_NEGATIVE_DOUBLE, PROBABILITY, BOOLEAN,
    UNIT_INTERVAL_OPEN, NON_POSITIVE_DOUBLE, AUTO_OR_POSITIVE_DOUBLE, DECAY, UNIT_INTERVAL_CLOSED
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
    throw new IllegalArgumentException("unknown training setting " + Inputs.quote(key) + " (see 'gfn4j train --list-settings')");
  }

  /** Throws IllegalArgumentException naming this key unless {@code value} is acceptable. */
  void check(String value) {
    String what = "'" + key + "'";
    switch (kind) {
      case POSITIVE_INT:
        Inputs.parseInt(what, value, 1, this == THREADS ? maxThreads() : Integer.MAX_VALUE);
        break;
      case NON_NEGATIVE_INT:
        Inputs.parseInt(what, value, 0, Integer.MAX_VALUE);
        break;
      case LONG:
        Inputs.parseLong(what, value, Long.MIN_VALUE, Long.MAX_VALUE);
        break;
      case DOUBLE:
        Inputs.parseDouble(what, value);
        break;
      case POSITIVE_DOUBLE:
        require(Inputs.parseDouble(what, value) > 0, "must be a positive number", value);
        break;
      case NON_NEGATIVE_DOUBLE:
        require(Inputs.parseDouble(what, value) >= 0, "must be a non-negative number", value);
        break;
      case PROBABILITY:
        double r = Inputs.parseDouble(what, value);
        require(r >= 0 && r <= 1, "must be a number in [0, 1]", value);
        break;
      case BOOLEAN:
        require(value.equals("true") || value.equals("false"), "must be true or false", value);
        break;
      case UNIT_INTERVAL_OPEN:
        double u = Inputs.parseDouble(what, value);
        require(u >= 0 && u < 1, "must be a number in [0, 1)", value);
        break;
      case NON_POSITIVE_DOUBLE:
        require(Inputs.parseDouble(what, value) <= 0, "must be a number <= 0", value);
        break;
      case DECAY:
      case UNIT_INTERVAL_CLOSED:
        double d = Inputs.parseDouble(what, value);
        require(d > 0 && d <= 1, "must be a number in (0, 1]", value);
        break;
      case AUTO_OR_POSITIVE_DOUBLE:
        if (!value.equals("auto")) {
          require(Inputs.parseDouble(what, value) > 0, "must be auto or a positive number", value);
        }
        break;
      default:
        require(!value.isBlank(), "must not be empty", value);
        require(value.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "must be printable ASCII", value);
    }
  }

  /**
   * ONNX Runtime intra-op threads beyond the cores only contend (and very large counts hang
   * session creation), so the setting is capped at the processors the JVM may use.
   */
  public static int maxThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  private void require(boolean ok, String what, String value) {
    if (!ok) {
      throw new IllegalArgumentException("'" + key + "' " + what + ", got " + Inputs.quote(value));
    }
  }
}
