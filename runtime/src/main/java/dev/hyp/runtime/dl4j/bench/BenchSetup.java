package dev.hyp.runtime.dl4j.bench;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The benchmarks' shared problem: samples/breast_cancer.hyp's data and a network from its search space. */
final class BenchSetup {
  private BenchSetup() {}

  /** breast_cancer.csv: the first argument, else samples/data/breast_cancer.csv under the working directory. */
  static Path csv(String[] args) {
    Path path = Path.of(args.length > 0 ? args[0] : "samples/data/breast_cancer.csv");
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no file " + path.toAbsolutePath() + "; pass the path of breast_cancer.csv");
    }
    return path;
  }

  /** holdout(validation = 0.2, test = 0.2), seed 7, as in samples/breast_cancer.hyp. */
  static ExperimentData data(Path csv) {
    return ExperimentData.load(CsvSource.of(csv, "diagnosis"), null, Task.CLASSIFICATION, new Split.Holdout(0.2, 0.2),
        null, 7);
  }

  /** dense(units, act), dropout(rate), softmax/mcxent output, adam(lr), l2. */
  static NetworkBuilder network(ExperimentData data, long seed, double lr, int units, String act, double dropout,
      double l2) {
    return new NetworkBuilder(seed, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
        .updater(Updater.ADAM, Map.of("lr", lr)).l2(l2)
        .dense(units, Activation.of(act)).dropout(dropout)
        .output(Activation.SOFTMAX, Loss.MCXENT, null);
  }

  static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "unset" : v;
  }
}
