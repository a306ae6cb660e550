package org.gfn4j.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.tensor.FloatTensor;

/**
 * Saves and restores everything a run needs to continue as if uninterrupted: the policy
 * (parameters, optimizer state, logZ), the target network, the replay buffer, the step count,
 * the wall time so far and the training trackers. The sampler needs no state: its Philox counter is the step.
 */
final class Checkpoints {
  static final String POLICY = "policy";
  private static final String STATE = "state.json";

  private Checkpoints() {}

  static void save(RunDirectory run, Trainer trainer, double wallSeconds) {
    run.replaceCheckpoint(dir -> {
      trainer.policy.save(dir.resolve(POLICY));
      JsonObject state = new JsonObject();
      state.addProperty("step", trainer.step());
      state.addProperty("wall_seconds", wallSeconds);
      Files.writeString(dir.resolve(STATE), RunDirectory.GSON.toJson(state));
      if (trainer.target != null) {
        float[] p = trainer.target.parameters().toArray();
        int[] bits = new int[p.length];
        for (int i = 0; i < p.length; i++) {
          bits[i] = Float.floatToRawIntBits(p[i]);
        }
        RunDirectory.writeInts(dir.resolve("target.bin"), bits);
      }
      if (trainer.replay != null) {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(
            new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("replay.bin"))))) {
          trainer.replay.save(out);
        }
      }
      TrainingTrackers t = trainer.trackers;
      if (t.modes != null) {
        boolean[] visited = t.modes.visited();
        int[] flags = new int[visited.length];
        for (int i = 0; i < flags.length; i++) {
          flags[i] = visited[i] ? 1 : 0;
        }
        RunDirectory.writeInts(dir.resolve("modes.bin"), flags);
      }
      if (t.approx != null) {
        RunDirectory.writeInts(dir.resolve("approx.bin"), t.approx.entries());
        RunDirectory.writeDoubles(dir.resolve("rewards.bin"), t.rewardDelta.entries());
      }
    });
  }

  /** Step count and wall seconds saved in the checkpoint of {@code run}. */
  static JsonObject state(RunDirectory run) {
    Path file = run.resolve(RunDirectory.CHECKPOINT).resolve(STATE);
    try {
      JsonObject o = RunDirectory.GSON.fromJson(Files.readString(file), JsonObject.class);
      if (o == null || !o.has("step") || !o.has("wall_seconds")) {
        throw new IllegalArgumentException(file + " is incomplete");
      }
      return o;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot resume from " + run.path() + ": checkpoint state unreadable ("
          + e.getMessage() + ")");
    }
  }

  static Path policyDir(RunDirectory run) {
    return run.resolve(RunDirectory.CHECKPOINT).resolve(POLICY);
  }

  /** Restores target network and trackers into a trainer resumed from {@code run}. */
  static void restore(RunDirectory run, Trainer trainer) {
    Path dir = run.resolve(RunDirectory.CHECKPOINT);
    try {
      if (trainer.target != null) {
        int[] bits = RunDirectory.readInts(dir.resolve("target.bin"));
        FloatTensor params = trainer.target.parameters();
        if (bits.length != params.size()) {
          throw new IOException("target.bin holds " + bits.length + " parameters, the network " + params.size());
        }
        for (int i = 0; i < bits.length; i++) {
          params.set(i, Float.intBitsToFloat(bits[i]));
        }
      }
      if (trainer.replay != null) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(
            new java.io.BufferedInputStream(Files.newInputStream(dir.resolve("replay.bin"))))) {
          trainer.replay.restore(in, trainer.env);
        }
      }
      TrainingTrackers t = trainer.trackers;
      if (t.modes != null) {
        int[] flags = RunDirectory.readInts(dir.resolve("modes.bin"));
        boolean[] visited = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
          visited[i] = flags[i] != 0;
        }
        t.modes.restoreVisited(visited);
      }
      if (t.approx != null) {
        t.approx.add(RunDirectory.readInts(dir.resolve("approx.bin")));
        t.rewardDelta.update(RunDirectory.readDoubles(dir.resolve("rewards.bin")));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot resume from " + run.path() + ": " + e.getMessage());
    }
  }
}
