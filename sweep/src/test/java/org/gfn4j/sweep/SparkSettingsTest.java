package org.gfn4j.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Master URLs and the Spark settings a sweep derives from its options. */
class SparkSettingsTest {
  @Test
  void localMastersGetTheParallelismAsThreadsAndTheAttemptsAsRetries() {
    assertEquals("local[2,3]", SparkSettings.conf("t", "local[*]", 2, 3, List.of()).get("spark.master"));
    assertEquals("local[*,4]", SparkSettings.conf("t", "local[*]", 0, 4, List.of()).get("spark.master"));
    assertEquals("local[5,1]", SparkSettings.conf("t", "local[5]", 0, 1, List.of()).get("spark.master"));
    assertEquals("local[1,2]", SparkSettings.conf("t", "local", 0, 2, List.of()).get("spark.master"));
    SparkConf c = SparkSettings.conf("t", "local[*]", 2, 3, List.of());
    assertEquals("false", c.get("spark.ui.showConsoleProgress"), "Spark's own progress bar stays off the terminal");
    assertFalse(c.contains("spark.jars"), "local mode ships nothing");
  }

  @Test
  void clusterMastersPassThroughWithTheJarsAndACoreCap() {
    SparkConf c = SparkSettings.conf("t", "spark://host:7077", 8, 3, List.of("/a/sweep.jar", "/a/gfn4j.jar"));
    assertEquals("spark://host:7077", c.get("spark.master"));
    assertEquals("8", c.get("spark.cores.max"));
    assertEquals("3", c.get("spark.task.maxFailures"));
    assertEquals("/a/sweep.jar,/a/gfn4j.jar", c.get("spark.jars"));
    assertTrue(c.get("spark.executor.extraJavaOptions").contains("--enable-native-access=ALL-UNNAMED"));
    assertEquals("yarn", SparkSettings.conf("t", "yarn", 0, 3, List.of()).get("spark.master"));
    assertFalse(SparkSettings.conf("t", "yarn", 0, 3, List.of()).contains("spark.cores.max"));
  }

  @Test
  void anUnknownMasterIsBadInput() {
    for (String bad : List.of("mesos://h:5050", "local[0]", "local[x]", "", "spark:/h")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkSettings.checkMaster(bad));
      assertTrue(e.getMessage().startsWith("--master '" + bad + "'"), e.getMessage());
    }
  }
}
