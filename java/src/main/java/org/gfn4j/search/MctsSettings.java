package org.gfn4j.search;

import java.util.Locale;

/**
 * Where MENTS tree search enters a soft-DQN run (Morozov et al. 2024): {@code mcts_train} regresses
 * the Q network on the trees' soft values while trajectories are still drawn from softmax(Q_θ);
 * {@code mcts_inference} samples from softmax(Q_tree) at evaluation; {@code mcts_all} does both and
 * also collects training trajectories from the trees. {@code rollouts} expansions per tree per
 * environment step (the paper's tree_max_size), {@code eps} the E2W exploration constant.
 */
public record MctsSettings(Mode mode, int rollouts, double eps) {
  /** The four variants of the paper. */
  public enum Mode {
    NONE("none"), TRAIN("mcts_train"), INFERENCE("mcts_inference"), ALL("mcts_all");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Trees are searched while training trajectories are collected (their values are the targets). */
    public boolean searchesInTraining() {
      return this == TRAIN || this == ALL;
    }

    /** Training trajectories act from softmax(Q_tree). */
    public boolean actsFromTreeInTraining() {
      return this == ALL;
    }

    /** Evaluation samples act from softmax(Q_tree). */
    public boolean actsFromTreeInInference() {
      return this == INFERENCE || this == ALL;
    }

    public static Mode parse(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      for (Mode m : values()) {
        if (m.label.equals(t)) {
          return m;
        }
      }
      throw new IllegalArgumentException("'mcts' must be none, mcts_train, mcts_inference or mcts_all, got '" + text + "'");
    }
  }

  /** The paper's constants: 4 expansions per step, E2W eps 0.01. */
  public static final MctsSettings NONE = new MctsSettings(Mode.NONE, 4, 0.01);

  public MctsSettings {
    if (mode == null) {
      throw new IllegalArgumentException("mcts mode must not be null");
    }
    if (rollouts < 1 || rollouts > 1 << 16) {
      throw new IllegalArgumentException("'mcts_rollouts' must be in [1, 65536], got " + rollouts);
    }
    if (!(eps >= 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("'mcts_eps' must be finite and non-negative, got " + eps);
    }
  }

  public boolean enabled() {
    return mode != Mode.NONE;
  }
}
