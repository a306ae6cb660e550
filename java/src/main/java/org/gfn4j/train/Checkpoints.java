package org.gfn4j.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.tensor.FloatTensor;

/**
 * Saves and restores everything a run needs to continue as if uninterrupted: the policy
 * (parameters, optimizer state, logZ), the target network, the replay buffer and its priorities, local search's
 * reward replay, a learned reward, the step count, the wall time so far and the training trackers. The sampler
 * needs no state: its Philox counter is the step.
 */
final class Checkpoints {
  static final String POLICY = "policy";
  private static final String STATE = "state.json";
  /** The objects of local search's reward-prioritised replay. */
  private static final String LS_REPLAY = "ls_replay.bin";

  private Checkpoints() {}

  static void save(RunDirectory run, Trainer trainer, double wallSeconds) {
    run.replaceCheckpoint(dir -> {
      trainer.policy.save(dir.resolve(POLICY));
      JsonObject state = new JsonObject();
      state.addProperty("step", trainer.step());
      state.addProperty("wall_seconds", wallSeconds);
      state.addProperty("policy_steps", trainer.policy.steps());
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
          trainer.replay.buffer.save(out);
        }
        if (trainer.replay.prioritized != null) {
          try (java.io.DataOutputStream out = new java.io.DataOutputStream(
              new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("priorities.bin"))))) {
            trainer.replay.prioritized.save(out);
          }
        }
      }
      if (trainer.localSearch != null && trainer.localSearch.replay() != null) {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(
            new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(LS_REPLAY))))) {
          trainer.localSearch.replay().save(out);
        }
      }
      if (trainer.learner != null) {
        RunDirectory.writeDoubles(dir.resolve("reward_model.bin"), trainer.learner.state());
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
      }
      if (t.rewardDelta != null) {
        RunDirectory.writeDoubles(dir.resolve("rewards.bin"), t.rewardDelta.entries());
      }
      CheckpointManifest.write(dir);
    });
  }

  /** What state.json records: iterations done, wall seconds so far, optimizer steps of the policy. */
  record State(long step, double wallSeconds, long policySteps) {}

  /**
   * The checkpoint to resume {@code run} from: checkpoint/ when its manifest verifies, else an
   * intact checkpoint.old (the one before it), announced on {@code log}. IllegalArgumentException
   * naming the file and the problem when neither is intact.
   */
  static Path choose(RunDirectory run, java.io.PrintStream log) {
    Path current = run.resolve(RunDirectory.CHECKPOINT);
    Path previous = run.resolve(RunDirectory.CHECKPOINT_OLD);
    try {
      CheckpointManifest.verify(current);
      return current;
    } catch (IllegalArgumentException e) {
      if (!Files.isDirectory(previous)) {
        throw new IllegalArgumentException("cannot resume from " + run.path() + ": " + e.getMessage());
      }
      try {
        CheckpointManifest.verify(previous);
      } catch (IllegalArgumentException old) {
        throw new IllegalArgumentException("cannot resume from " + run.path() + ": " + e.getMessage() + "; "
            + old.getMessage());
      }
      log.println("gfn4j train: " + e.getMessage() + "; resuming from " + RunDirectory.CHECKPOINT_OLD
          + " (the checkpoint before it)");
      return previous;
    }
  }

  /** The state.json of checkpoint directory {@code dir}. */
  static State state(Path dir) {
    Path file = dir.resolve(STATE);
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(dir.getFileName() + "/" + STATE + " cannot be read: "
          + CheckpointManifest.describe(e));
    }
    return parseState(text, dir.getFileName() + "/" + STATE);
  }

  /** Parses the text of state.json; IllegalArgumentException naming {@code name} and the problem. */
  static State parseState(String text, String name) {
    com.google.gson.JsonElement root;
    try {
      root = com.google.gson.JsonParser.parseString(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + " is not valid JSON");
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException(name + " must hold one JSON object");
    }
    JsonObject o = root.getAsJsonObject();
    long step = org.gfn4j.io.Inputs.parseLong(name + ": step", field(o, "step", name), 0, Long.MAX_VALUE);
    double wall = org.gfn4j.io.Inputs.parseDouble(name + ": wall_seconds", field(o, "wall_seconds", name));
    if (wall < 0) {
      throw new IllegalArgumentException(name + ": wall_seconds must not be negative");
    }
    long policySteps = o.has("policy_steps")
        ? org.gfn4j.io.Inputs.parseLong(name + ": policy_steps", field(o, "policy_steps", name), 0, Long.MAX_VALUE)
        : -1;
    return new State(step, wall, policySteps);
  }

  private static String field(JsonObject o, String key, String name) {
    com.google.gson.JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive()) {
      throw new IllegalArgumentException(name + " has no " + key);
    }
    return e.getAsString();
  }

  static Path policyDir(Path checkpoint) {
    return checkpoint.resolve(POLICY);
  }

  /** Restores target network and trackers into a trainer resumed from {@code run}. */
  static void restore(Path dir, State state, Trainer trainer) {
    if (state.policySteps() >= 0 && state.policySteps() != trainer.policy.steps()) {
      throw new IllegalArgumentException(dir.getFileName() + "/" + STATE + " records " + state.policySteps()
          + " policy updates, the saved policy " + trainer.policy.steps());
    }
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
        trainer.targetPolicy.reload();
      }
      if (trainer.replay != null) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(
            new java.io.BufferedInputStream(Files.newInputStream(dir.resolve("replay.bin"))))) {
          trainer.replay.buffer.restore(in, trainer.env);
        }
        if (trainer.replay.prioritized != null) {
          try (java.io.DataInputStream in = new java.io.DataInputStream(
              new java.io.BufferedInputStream(Files.newInputStream(dir.resolve("priorities.bin"))))) {
            trainer.replay.prioritized.restore(in);
          }
        }
      }
      if (trainer.learner != null) {
        trainer.learner.restore(RunDirectory.readDoubles(dir.resolve("reward_model.bin")));
      }
      if (trainer.localSearch != null && trainer.localSearch.replay() != null) {
        org.gfn4j.localsearch.RewardReplay r = trainer.localSearch.replay();
        try (java.io.DataInputStream in = new java.io.DataInputStream(
            new java.io.BufferedInputStream(Files.newInputStream(dir.resolve(LS_REPLAY))))) {
          r.restore(in);
        }
        trainer.env.logRewards(r.objects(), r.size()); // every stored object must be one of the environment's
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
      }
      if (t.rewardDelta != null) {
        t.rewardDelta.update(RunDirectory.readDoubles(dir.resolve("rewards.bin")));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(dir.getFileName() + "/: " + CheckpointManifest.describe(e));
    }
  }
}
