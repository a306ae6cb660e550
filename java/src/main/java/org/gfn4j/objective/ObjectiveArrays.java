package org.gfn4j.objective;

/**
 * A trajectory block and its heads as plain Java arrays in double precision: the data the Java
 * reference objectives compute on (and what the tests perturb for finite differences). Null
 * heads stay null; index helpers follow native/src/objective/objective_internal.h.
 */
final class ObjectiveArrays {
  final int slots;
  final int batch;
  final int numActions;
  final int numBackwardActions;
  int[] actions;
  int[] backwardActions;
  byte[] forwardMask;
  byte[] backwardMask;
  byte[] terminal;
  byte[] pad;
  double[] logReward;
  double[] forwardLogits;
  double[] backwardLogits;
  double[] logFlow;
  double logZ;
  double[] targetForwardLogits;
  double[] targetBackwardLogits;
  double[] targetLogFlow;
  double[] deltaScore;
  double[] weights;
  double[] firstEdgeLogPF;

  ObjectiveArrays(int slots, int batch, int numActions, int numBackwardActions) {
    this.slots = slots;
    this.batch = batch;
    this.numActions = numActions;
    this.numBackwardActions = numBackwardActions;
  }

  static ObjectiveArrays from(ObjectiveInputs in) {
    ObjectiveArrays a = new ObjectiveArrays(in.slots, in.batch, in.numActions, in.numBackwardActions);
    a.actions = in.actions.toArray();
    a.backwardActions = in.backwardActions == null ? null : in.backwardActions.toArray();
    a.forwardMask = in.forwardMask.toArray();
    a.backwardMask = in.backwardMask.toArray();
    a.terminal = in.terminal.toArray();
    a.pad = in.pad.toArray();
    a.logReward = doubles(in.logReward.toArray());
    a.forwardLogits = doubles(in.forwardLogits.toArray());
    a.backwardLogits = in.backwardLogits == null ? null : doubles(in.backwardLogits.toArray());
    a.logFlow = in.logFlow == null ? null : doubles(in.logFlow.toArray());
    a.logZ = in.logZ;
    a.targetForwardLogits = in.targetForwardLogits == null ? null : doubles(in.targetForwardLogits.toArray());
    a.targetBackwardLogits = in.targetBackwardLogits == null ? null : doubles(in.targetBackwardLogits.toArray());
    a.targetLogFlow = in.targetLogFlow == null ? null : doubles(in.targetLogFlow.toArray());
    a.deltaScore = in.deltaScore == null ? null : doubles(in.deltaScore.toArray());
    a.weights = in.weights == null ? null : doubles(in.weights.toArray());
    a.firstEdgeLogPF = in.firstEdgeLogPF == null ? null : doubles(in.firstEdgeLogPF.toArray());
    return a;
  }

  static double[] doubles(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  int cell(int t, int b) {
    return t * batch + b;
  }

  /** Transition t of trajectory b is real unless s_{t+1} was produced by a padding step. */
  boolean real(int t, int b) {
    return t + 1 < slots && pad[cell(t + 1, b)] == 0;
  }

  boolean done(int t, int b) {
    return terminal[cell(t + 1, b)] != 0;
  }

  int fmask(int s, int b) {
    return cell(s, b) * numActions;
  }

  int bmask(int s, int b) {
    return cell(s, b) * numBackwardActions;
  }

  /** The action checks of objective.cpp's check_actions, with the same exceptions. */
  void checkActions(ObjectiveKind kind, ObjectiveParams p) {
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t + 1 < slots; t++) {
        if (!real(t, b)) {
          continue;
        }
        int a = actions[cell(t, b)];
        if (a < 0 || a >= numActions) {
          throw new IllegalArgumentException(kind.factoryName + ": an action id is out of range");
        }
        boolean bad = forwardMask[fmask(t, b) + a] != 0;
        if (kind.usesBackwardActions() || !p.uniformBackward) {
          int ab = backwardActions[cell(t, b)];
          if (ab < 0 || ab >= numBackwardActions) {
            throw new IllegalArgumentException(kind.factoryName + ": an action id is out of range");
          }
          bad |= backwardMask[bmask(t + 1, b) + ab] != 0;
        }
        if (kind == ObjectiveKind.MDB && !done(t, b)) {
          bad |= forwardMask[fmask(t, b) + p.stopAction] != 0 || forwardMask[fmask(t + 1, b) + p.stopAction] != 0;
        }
        if (kind == ObjectiveKind.SOFTDQN && !done(t, b)) {
          bad |= LogSoftmax.validCount(backwardMask, bmask(t + 1, b), numBackwardActions) == 0;
        }
        if (bad) {
          throw new IllegalArgumentException(kind.factoryName + ": an action is forbidden by the invalid mask");
        }
      }
    }
  }
}
