package org.gfn4j.objective;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfn4j.runtime.Backend;

/**
 * Creates objectives by name with optional parameters, e.g. {@code "tb"}, {@code "subtb:lambda=1.9"},
 * {@code "softdqn:leaf_coeff=5"}, {@code "mdb:stop_action=25"}, {@code "db:pb=uniform"},
 * {@code "mdqn:alpha=0.15,double=true"}. Keys: {@code pb} (learned|uniform; default learned for
 * tb/db/subtb and the objectives for cycles, uniform for fldb/mdb/softdqn/mdqn, whose "learned" PB
 * is the target backward head), {@code lambda} (subtb, default 1; softdqn/mdqn temperature,
 * default 1/(1 - alpha)), {@code leaf_coeff} (softdqn/mdqn, default 5), {@code alpha} and
 * {@code l0} (mdqn's Munchausen bonus, default 0.15 and -100), {@code double} (softdqn/mdqn,
 * default false), {@code stop_action} (mdb, required); for the objectives on graphs with cycles
 * ({@code ndb}, {@code ndb_flow}, {@code sdb}, see {@link CycleBalance}) {@code reg} (λ, default
 * 1e-3 for ndb, else 0), {@code alpha}, {@code beta}, {@code eps}, {@code eta} and {@code scale}
 * (flow|log) of stable DB, and the first edge as {@code return_action} and {@code first_log_pf}.
 * Unknown names or keys throw IllegalArgumentException.
 */
public final class Objectives {
  /** The factory names, in documentation order. */
  public static final List<String> NAMES = List.of("tb", "db", "subtb", "fldb", "mdb", "softdqn", "mdqn", "ndb",
      "ndb_flow", "sdb");
  /** The state-flow regulariser λ of ndb by default (the paper's choice); 0 for ndb_flow and sdb. */
  public static final double DEFAULT_NDB_REG = 1e-3;

  private Objectives() {}

  public static Objective create(String spec) {
    return create(spec, Backend.NATIVE);
  }

  public static Objective create(String spec, Backend backend) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("objective spec is empty; expected one of " + NAMES);
    }
    int colon = spec.indexOf(':');
    String name = (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    Map<String, String> args = parseArgs(colon < 0 ? "" : spec.substring(colon + 1));
    Objective objective;
    switch (name) {
      case "tb":
        objective = new TrajectoryBalance(uniform(args, false), backend);
        break;
      case "db":
        objective = new DetailedBalance(uniform(args, false), backend);
        break;
      case "subtb":
        objective = new SubTrajectoryBalance(number(args, "lambda", 1.0), uniform(args, false), backend);
        break;
      case "fldb":
        objective = new ForwardLookingDB(uniform(args, true), backend);
        break;
      case "mdb":
        if (!args.containsKey("stop_action")) {
          throw new IllegalArgumentException("mdb needs stop_action=<forward action id of stop>");
        }
        objective = new ModifiedDB((int) integer(args, "stop_action"), uniform(args, true), backend);
        break;
      case "softdqn":
      case "mdqn":
        double alpha = name.equals("mdqn") ? number(args, "alpha", ObjectiveSettings.DEFAULT_MDQN_ALPHA) : 0.0;
        double l0 = name.equals("mdqn") ? number(args, "l0", ObjectiveSettings.DEFAULT_MDQN_L0) : -100.0;
        Munchausen m = Munchausen.of(alpha, l0, number(args, "lambda", Double.NaN), bool(args, "double"));
        objective = new SoftDQN(number(args, "leaf_coeff", 5.0), m, uniform(args, true), backend);
        break;
      case "ndb":
      case "ndb_flow":
      case "sdb": {
        boolean uniform = uniform(args, false);
        CycleSettings d = CycleSettings.DEFAULTS;
        String scale = args.getOrDefault("scale", "flow");
        args.remove("scale");
        if (!scale.equals("flow") && !scale.equals("log")) {
          throw new IllegalArgumentException("scale must be 'flow' or 'log', got '" + scale + "'");
        }
        CycleSettings c = new CycleSettings(number(args, "reg", name.equals("ndb") ? DEFAULT_NDB_REG : 0.0),
            number(args, "alpha", d.alpha()), number(args, "beta", d.beta()), number(args, "eps", d.eps()),
            number(args, "eta", d.eta()), scale.equals("log"), number(args, "first_log_pf", 0.0),
            args.containsKey("return_action") ? (int) integer(args, "return_action") : -1);
        objective = new CycleBalance(cycleKind(name), uniform, c, backend);
        break;
      }
      default:
        throw new IllegalArgumentException("unknown objective '" + name + "'; expected one of " + NAMES);
    }
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown parameter(s) " + args.keySet() + " for objective " + name);
    }
    return objective;
  }

  /**
   * The objective {@code name} with its parameters taken from training settings; MDB needs an
   * environment with a stop action.
   */
  public static Objective create(String name, ObjectiveSettings settings, Backend backend) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    boolean uniform = !settings.learnedBackward();
    switch (key) {
      case "tb":
        return new TrajectoryBalance(uniform, backend);
      case "db":
        return new DetailedBalance(uniform, backend);
      case "subtb":
        return new SubTrajectoryBalance(settings.subtbLambda(), uniform, backend);
      case "fldb":
        return new ForwardLookingDB(uniform, backend);
      case "mdb":
        return new ModifiedDB(settings.stopAction().orElseThrow(() -> new IllegalArgumentException(
            "mdb needs an environment with a stop action")), uniform, backend);
      case "softdqn":
        return new SoftDQN(settings.leafCoeff(),
            Munchausen.of(0.0, -100.0, settings.softdqnLambda(), settings.doubleDqn()), uniform, backend);
      case "mdqn":
        return new SoftDQN(settings.leafCoeff(), Munchausen.of(settings.mdqnAlpha(), settings.mdqnL0(),
            settings.softdqnLambda(), settings.doubleDqn()), uniform, backend);
      case "ndb":
      case "ndb_flow":
      case "sdb":
        return new CycleBalance(cycleKind(key), uniform, settings.cycle(), backend);
      default:
        throw new IllegalArgumentException("unknown objective '" + name + "'; expected one of " + NAMES);
    }
  }

  private static ObjectiveKind cycleKind(String name) {
    return name.equals("ndb") ? ObjectiveKind.NDB : name.equals("ndb_flow") ? ObjectiveKind.NDB_FLOW : ObjectiveKind.SDB;
  }

  /**
   * Whether objective {@code name} reads PB as part of its reward (soft-DQN and M-DQN) rather
   * than training it as a head, so a trainer knows before building it.
   */
  public static boolean backwardPolicyIsReward(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return key.equals("softdqn") || key.equals("mdqn");
  }

  private static Map<String, String> parseArgs(String text) {
    Map<String, String> args = new LinkedHashMap<>();
    if (text.isBlank()) {
      return args;
    }
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("objective parameter '" + part + "' is not key=value");
      }
      args.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
    }
    return args;
  }

  private static boolean uniform(Map<String, String> args, boolean byDefault) {
    String v = args.remove("pb");
    if (v == null) {
      return byDefault;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "uniform":
        return true;
      case "learned":
        return false;
      default:
        throw new IllegalArgumentException("pb must be 'learned' or 'uniform', got '" + v + "'");
    }
  }

  private static double number(Map<String, String> args, String key, double byDefault) {
    String v = args.remove(key);
    if (v == null) {
      return byDefault;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
    }
  }

  private static boolean bool(Map<String, String> args, String key) {
    String v = args.remove(key);
    if (v == null) {
      return false;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }

  private static long integer(Map<String, String> args, String key) {
    String v = args.remove(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
    }
  }
}
