package org.gfn4j.objective;

/**
 * How a trained model estimates log Z under an objective, so a trainer can report it without
 * knowing the objective: TB learns log Z itself; DB and SubTB learn log F(s0) (soft-DQN: V(s0));
 * FL-DB learns log F̃ = log F − log R, so log R(s0) is added back; MDB learns no flow, and
 * F(s0) = R(s0) / PF(stop | s0).
 */
public enum LogZEstimate {
  /** The learned scalar log Z. */
  LOG_Z,
  /** The log-flow head at the initial state. */
  LOG_FLOW_AT_S0,
  /** The log-flow head at the initial state plus log R(s0). */
  LOG_FLOW_PLUS_LOG_REWARD_AT_S0,
  /** log R(s0) − log PF(stop | s0). */
  STOP_PROBABILITY_AT_S0
}
