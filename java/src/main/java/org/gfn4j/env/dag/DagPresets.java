package org.gfn4j.env.dag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DAG training presets, from gfnx's mdb_dag and mdb_dag_replay_buffer configs: MDB with a
 * uniform backward policy, Adam 1e-4, ε 1 → 0.1 over 50k steps, target network copied every 1000
 * steps, 100k steps, evaluation every 500. gfnx's policy is a graph network with self-attention;
 * here the policy is the MLP over the adjacency and the transitive closure (the closure makes
 * the acyclicity mask visible to an MLP, which a GNN gets from message passing).
 */
final class DagPresets {
  private DagPresets() {}

  static Map<String, Map<String, String>> all() {
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    String dag = "dag:nodes=5,score=bge,data=" + DagConfig.DEFAULT_DATA;
    Map<String, String> mdb = new LinkedHashMap<>();
    mdb.put("env", dag);
    mdb.put("objective", "mdb");
    mdb.put("batch", "128");
    mdb.put("steps", "100000");
    mdb.put("lr", "1e-4");
    mdb.put("eps_start", "1");
    mdb.put("eps_end", "0.1");
    mdb.put("eps_steps", "50000");
    mdb.put("train_backward", "false");
    mdb.put("target_tau", "1");
    mdb.put("target_every", "1000");
    mdb.put("eval_every", "500");
    p.put("mdb_dag", Map.copyOf(mdb));
    Map<String, String> replay = new LinkedHashMap<>(mdb);
    replay.put("batch", "8");
    replay.put("replay", "uniform");
    replay.put("replay_capacity", "100000");
    replay.put("replay_min", "1000");
    replay.put("replay_batch", "32");
    p.put("mdb_dag_replay", Map.copyOf(replay));
    return p;
  }
}
