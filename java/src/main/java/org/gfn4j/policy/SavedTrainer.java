// Reopens a trainer that PolicyTrainer.save wrote: checkpoint, models, optimizer state.
package org.gfn4j.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gfn4j.policy.onnx.NetworkGraph;
import org.gfn4j.policy.onnx.ParameterSpec;
import org.gfn4j.policy.ort.OrtException;
import org.gfn4j.policy.ort.TrainingSession;

/**
 * {@link PolicyTrainer#resume}: reads the saved state, rebuilds the models for the saved spec,
 * opens ONNX Runtime's session on the saved checkpoint and checks every parameter's shape
 * against the spec before anything trains on it.
 */
final class SavedTrainer {
  private SavedTrainer() {}

  static PolicyTrainer resume(Path dir, int intraOpThreads, boolean fromActivations) {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    TrainerState st = TrainerState.read(dir);
    PolicySpec spec = st.policySpec(dir);
    Path checkpoint = dir.resolve(TrainerState.CHECKPOINT);
    if (!Files.isRegularFile(checkpoint)) {
      throw new PolicyArtifactException("not a saved trainer: " + checkpoint + " does not exist");
    }
    PolicyTrainer.requireSupported(spec, fromActivations);
    Artifacts a = Artifacts.write(spec, st.optimizer(), null, false, fromActivations);
    TrainingSession session;
    try {
      session = new TrainingSession(checkpoint, a.training, a.eval, a.optimizer, intraOpThreads);
    } catch (OrtException e) {
      a.close();
      throw new PolicyArtifactException("cannot resume a trainer from " + dir + ": " + e.getMessage(), e);
    }
    PolicyTrainer t;
    try {
      requireParameters(session, spec, checkpoint);
      t = new PolicyTrainer(spec, st.optimizer(), st.seed(), intraOpThreads, a, session, fromActivations);
    } catch (RuntimeException e) {
      session.close();
      a.close();
      throw e;
    }
    t.restore(st);
    return t;
  }

  /** ORT accepts a checkpoint whose shapes differ from the graph's; runs would fail much later. */
  private static void requireParameters(TrainingSession session, PolicySpec spec, Path checkpoint) {
    long total = 0;
    for (ParameterSpec p : NetworkGraph.of(spec).parameters()) {
      long[] shape;
      try {
        shape = session.parameterShape(p.name());
      } catch (OrtException e) {
        throw new PolicyArtifactException(checkpoint + " lacks parameter " + p.name() + ": " + e.getMessage(), e);
      }
      if (!Arrays.equals(shape, p.shape())) {
        throw new PolicyArtifactException(checkpoint + ": parameter " + p.name() + " has shape "
            + Arrays.toString(shape) + " but the saved spec needs " + Arrays.toString(p.shape()));
      }
      total += p.size();
    }
    if (total != session.parameterCount()) {
      throw new PolicyArtifactException(checkpoint + " holds " + session.parameterCount()
          + " parameter values but the saved spec needs " + total);
    }
  }
}
