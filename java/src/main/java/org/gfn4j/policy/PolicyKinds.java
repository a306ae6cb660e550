package org.gfn4j.policy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.gfn4j.env.ObservationSpec;

/**
 * The registry of policy kinds: {@code mlp} (features) and {@code transformer} (tokens, mean
 * pooled heads, gfnx's encoder) built in; environments with their own head layouts register
 * theirs. {@code auto} picks the first registered kind that accepts the observations, so the
 * trainer never chooses a network itself.
 */
public final class PolicyKinds {
  public static final String AUTO = "auto";

  private static final List<PolicyKind> KINDS = new CopyOnWriteArrayList<>(List.of(new Mlp(), new Transformer()));

  private PolicyKinds() {}

  /** Adds a kind; IllegalArgumentException if its name is taken. */
  public static void register(PolicyKind kind) {
    synchronized (KINDS) {
      if (KINDS.stream().anyMatch(k -> k.name().equals(kind.name()))) {
        throw new IllegalArgumentException("a policy kind named '" + kind.name() + "' is already registered");
      }
      KINDS.add(kind);
    }
  }

  public static List<String> names() {
    return KINDS.stream().map(PolicyKind::name).collect(Collectors.toList());
  }

  /** The kind {@code name} (or, for {@value #AUTO}, the first accepting {@code obs}); checks it accepts them. */
  public static PolicyKind choose(String name, ObservationSpec obs) {
    for (PolicyKind k : KINDS) {
      if (name.equals(AUTO) ? k.accepts(obs) : k.name().equals(name)) {
        if (!k.accepts(obs)) {
          throw new IllegalArgumentException("policy '" + name + "' cannot read observations " + obs);
        }
        return k;
      }
    }
    throw new IllegalArgumentException(name.equals(AUTO) ? "no policy kind reads observations " + obs
        : "unknown policy '" + name + "' (known: auto, " + String.join(", ", names()) + ")");
  }

  /** gfnx's baseline MLP: hidden layers of equal width on the features, three linear heads. */
  private static final class Mlp implements PolicyKind {
    @Override
    public String name() {
      return "mlp";
    }

    @Override
    public boolean accepts(ObservationSpec obs) {
      return !obs.isTokens();
    }

    @Override
    public PolicySpec build(ObservationSpec obs, int numActions, int numBackwardActions, PolicySettings s) {
      return PolicySpec.mlp(obs.size(), s.depth(), s.hidden(), s.activation())
          .head(FORWARD, numActions).head(BACKWARD, numBackwardActions).head(LOG_FLOW, 1);
    }
  }

  /** gfnx's transformer encoder over the tokens, padding masked, mean-pooled linear heads. */
  private static final class Transformer implements PolicyKind {
    @Override
    public String name() {
      return "transformer";
    }

    @Override
    public boolean accepts(ObservationSpec obs) {
      return obs.isTokens();
    }

    @Override
    public PolicySpec build(ObservationSpec obs, int numActions, int numBackwardActions, PolicySettings s) {
      return PolicySpec.transformer(obs.vocabulary(), obs.size(), s.tfDim(), s.tfLayers(), s.tfHeads(),
              s.tfFeedForward())
          .withPadMask(obs.padId())
          .head(FORWARD, numActions).head(BACKWARD, numBackwardActions).head(LOG_FLOW, 1);
    }
  }
}
