package org.gfn4j.objective;

/** The objectives of native/include/gfn4j/objective.h, with their kernel ids and factory names. */
enum ObjectiveKind {
  TB(0, "tb"),
  DB(1, "db"),
  SUBTB(2, "subtb"),
  FLDB(3, "fldb"),
  MDB(4, "mdb"),
  SOFTDQN(5, "softdqn"),
  NDB(6, "ndb"),
  NDB_FLOW(7, "ndb_flow"),
  SDB(8, "sdb");

  final int id;
  final String factoryName;

  ObjectiveKind(int id, String factoryName) {
    this.id = id;
    this.factoryName = factoryName;
  }

  /** An objective for state graphs with cycles (cycle_objective_loss: λ·F regulariser, fixed first edge). */
  boolean forCycles() {
    return id >= NDB.id;
  }

  /** Reads backward actions (soft-DQN's uniform backward term needs only the mask; a fitted PB̄ needs them). */
  boolean usesBackwardActions() {
    return this != SOFTDQN;
  }

  boolean usesLogFlow() {
    return this != TB && this != MDB;
  }
}
