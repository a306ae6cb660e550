package org.gfn4j.sweep;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a sweep: the master URL (local[*] by default; spark://, yarn,
 * k8s:// pass through), bounded task attempts, the parallelism cap, and no console output of
 * Spark's own (no progress bar, no web UI).
 */
final class SparkSettings {
  private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)])?");
  private static final List<String> CLUSTER_PREFIXES = List.of("spark://", "yarn", "k8s://", "local-cluster[");

  private SparkSettings() {}

  /** Throws IllegalArgumentException for a master URL Spark would not accept. */
  static void checkMaster(String master) {
    if (LOCAL.matcher(master).matches()) {
      return;
    }
    for (String p : CLUSTER_PREFIXES) {
      if (master.startsWith(p)) {
        return;
      }
    }
    throw new IllegalArgumentException("--master '" + master
        + "' is not a Spark master URL (local[*], local[N], spark://HOST:PORT, yarn, k8s://URL)");
  }

  static boolean isLocal(String master) {
    return LOCAL.matcher(master).matches();
  }

  /**
   * The conf for {@code master}; local masters get {@code parallelism} threads (0: keep) and
   * Spark's retry count (local mode retries only when told so in the URL).
   */
  static SparkConf conf(String appName, String master, int parallelism, int maxAttempts, List<String> jars) {
    checkMaster(master);
    SparkConf conf = new SparkConf().setAppName(appName)
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.task.maxFailures", Integer.toString(maxAttempts))
        .set("spark.speculation", "false");
    Matcher local = LOCAL.matcher(master);
    if (local.matches()) {
      String threads = parallelism > 0 ? Integer.toString(parallelism) : local.group(2) != null ? local.group(2)
          : master.equals("local") ? "1" : "*";
      conf.setMaster("local[" + threads + "," + maxAttempts + "]")
          .set("spark.driver.host", "localhost")
          .set("spark.driver.bindAddress", "127.0.0.1");
    } else {
      conf.setMaster(master);
      if (parallelism > 0) {
        conf.set("spark.cores.max", Integer.toString(parallelism))
            .set("spark.dynamicAllocation.maxExecutors", Integer.toString(parallelism));
      }
      // the executors load gfn4j's classes and native libraries from these jars (added to any
      // the user passed as -Dspark.jars=..., as are the JVM options)
      conf.set("spark.jars", join(conf.get("spark.jars", ""), String.join(",", jars), ","));
      conf.set("spark.executor.extraJavaOptions",
          join(conf.get("spark.executor.extraJavaOptions", ""), "--enable-native-access=ALL-UNNAMED -Xss4m", " "));
    }
    return conf;
  }

  private static String join(String a, String b, String separator) {
    return a.isBlank() ? b : b.isBlank() ? a : a + separator + b;
  }
}
