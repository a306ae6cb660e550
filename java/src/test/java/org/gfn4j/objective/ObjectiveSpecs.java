package org.gfn4j.objective;

import java.util.ArrayList;
import java.util.List;
import org.gfn4j.runtime.Backend;

/** Every objective configuration the tests cover: each kind, learned and uniform PB, several lambdas. */
final class ObjectiveSpecs {
  private ObjectiveSpecs() {}

  static final List<String> SPECS = List.of("tb", "tb:pb=uniform", "db", "db:pb=uniform", "subtb",
      "subtb:lambda=1.9", "subtb:lambda=0.9,pb=uniform", "fldb", "fldb:pb=learned", "mdb:stop_action=STOP",
      "mdb:stop_action=STOP,pb=learned", "softdqn", "softdqn:leaf_coeff=1", "softdqn:lambda=2", "mdqn",
      "mdqn:alpha=0.5,lambda=1,l0=-0.4", "mdqn:double=true", "softdqn:double=true,lambda=1.5", "softdqn:pb=learned",
      "mdqn:pb=learned,alpha=0.3", "ndb:return_action=0,first_log_pf=-2.3",
      "ndb:reg=0.5,pb=uniform,return_action=0,first_log_pf=-1", "ndb_flow:reg=0.01,return_action=0,first_log_pf=-1.5",
      "sdb:return_action=0,first_log_pf=-2",
      "sdb:scale=log,alpha=1.5,beta=2,eps=0.7,eta=0.1,reg=0.01,return_action=0,first_log_pf=-2");

  /** Specs whose target reads the online head (double DQN) as a constant: finite differences see it. */
  static boolean semiGradient(AbstractObjective o) {
    return o.params().munchausen.doubleDqn();
  }

  /** The configurations for a block whose stop action is the last forward action. */
  static List<AbstractObjective> all(int numActions, Backend backend) {
    List<AbstractObjective> out = new ArrayList<>();
    for (String spec : SPECS) {
      out.add((AbstractObjective) Objectives.create(spec.replace("STOP", Integer.toString(numActions - 1)), backend));
    }
    return out;
  }

  static String describe(AbstractObjective o) {
    ObjectiveParams p = o.params();
    return o.name() + "(lambda=" + p.lambda + ", leaf=" + p.leafCoeff + ", stop=" + p.stopAction + ", uniformPB="
        + p.uniformBackward + ", " + p.munchausen + ", " + p.cycle + ")";
  }
}
