package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;

/** Shared checks and backend dispatch of the objectives; subclasses only fix the kind and parameters. */
abstract class AbstractObjective implements Objective {
  private final ObjectiveKind kind;
  private final ObjectiveParams params;
  private final Backend backend;
  private final String name;

  AbstractObjective(ObjectiveKind kind, ObjectiveParams params, Backend backend) {
    this(kind, kind.factoryName, params, backend);
  }

  /** An objective of {@code kind} that its factory knows by another {@code name} (mdqn is soft-DQN's kernel). */
  AbstractObjective(ObjectiveKind kind, String name, ObjectiveParams params, Backend backend) {
    if (backend == null) {
      throw new IllegalArgumentException("backend must not be null");
    }
    this.kind = kind;
    this.name = name;
    this.params = params;
    this.backend = backend;
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
    }
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Backend backend() {
    return backend;
  }

  final ObjectiveKind kind() {
    return kind;
  }

  final ObjectiveParams params() {
    return params;
  }

  @Override
  public boolean usesLogZ() {
    return kind == ObjectiveKind.TB || kind.forCycles();
  }

  @Override
  public boolean usesLogFlow() {
    return kind.usesLogFlow();
  }

  @Override
  public boolean learnsBackwardPolicy() {
    return !params.uniformBackward && !usesTargetNetwork();
  }

  @Override
  public boolean usesTargetNetwork() {
    return kind == ObjectiveKind.FLDB || kind == ObjectiveKind.MDB || kind == ObjectiveKind.SOFTDQN;
  }

  @Override
  public final double loss(ObjectiveInputs in, ObjectiveGrads grads) {
    if (in == null || grads == null) {
      throw new IllegalArgumentException("inputs and gradient buffers are required");
    }
    grads.checkSizes(in);
    if (usesLogFlow() && in.logFlow == null) {
      throw new IllegalArgumentException(name() + " needs the logFlow head");
    }
    if (learnsBackwardPolicy() && in.backwardLogits == null) {
      throw new IllegalArgumentException(name() + " with a learned backward policy needs backwardLogits");
    }
    if (usesTargetNetwork() && !params.uniformBackward
        && in.backwardLogits == null && in.targetBackwardLogits == null) {
      throw new IllegalArgumentException(name() + " with a learned backward policy needs (target) backwardLogits");
    }
    if (kind == ObjectiveKind.MDB && params.stopAction >= in.numActions) {
      throw new IllegalArgumentException(
          "stop action " + params.stopAction + " is outside the " + in.numActions + " forward actions");
    }
    return backend == Backend.NATIVE
        ? NativeObjectiveKernel.loss(kind, params, in, grads)
        : JavaObjectiveKernel.loss(kind, params, in, grads);
  }

  @Override
  public boolean needsDeltaScores() {
    return kind == ObjectiveKind.FLDB || kind == ObjectiveKind.MDB;
  }

  @Override
  public boolean needsWholeTrajectories() {
    return kind == ObjectiveKind.TB || kind == ObjectiveKind.SUBTB;
  }

  @Override
  public LogZEstimate logZEstimate() {
    switch (kind) {
      case TB:
      case NDB:
      case NDB_FLOW:
      case SDB:
        return LogZEstimate.LOG_Z;
      case FLDB:
        return LogZEstimate.LOG_FLOW_PLUS_LOG_REWARD_AT_S0;
      case MDB:
        return LogZEstimate.STOP_PROBABILITY_AT_S0;
      default:
        return LogZEstimate.LOG_FLOW_AT_S0;
    }
  }

  @Override
  public String toString() {
    return name() + "[" + backend + "]";
  }
}
