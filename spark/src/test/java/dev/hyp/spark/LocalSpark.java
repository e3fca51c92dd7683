package dev.hyp.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** One local Spark for a test class: two cores, each failing task tried twice, no UI, loopback only. */
final class LocalSpark {
  private LocalSpark() {}

  static JavaSparkContext start() {
    SparkConf conf = new SparkConf()
        .setMaster("local[2,2]")
        .setAppName("hyp-spark-test")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.log.level", "WARN");
    return new JavaSparkContext(conf);
  }
}
