package dev.hyp.runtime.dl4j.bench;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Splitter;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.pruner.Pruners;
import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.study.TrialPrunedException;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * samples/breast_cancer.hyp run by hand through the runtime (what generated code will do): TPE
 * (8 startup trials), median pruner (warmup 5), 30 trials, 2 at once, 30 epochs, batch 32,
 * patience 5, maximize validation accuracy. Prints one JSON line: wall time (from main's start,
 * data loading included), the best trial's validation and test accuracy.
 *
 * <p>{@code PeerComparison CSV [SPLIT_JSON]} also writes the split's row indexes (0-based data
 * rows) to SPLIT_JSON, so that runtime/src/main/python/peer_breast_cancer.py uses the same rows.
 */
public final class PeerComparison {
  private PeerComparison() {}

  public static void main(String[] args) throws IOException {
    long start = System.nanoTime();
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties()); // as a run does, first thing
    ExperimentData data = BenchSetup.data(BenchSetup.csv(args));
    if (args.length > 1) {
      Splitter.Parts p = data.parts().get(0);
      Files.writeString(Path.of(args[1]), "{\"train\":" + Arrays.toString(p.train()) + ",\"validation\":"
          + Arrays.toString(p.validation()) + ",\"test\":" + Arrays.toString(p.test()) + "}\n");
    }
    int parallel = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    SearchSpace space = SearchSpace.builder()
        .add("lr", FloatDistribution.logUniform(1e-4, 3e-2))
        .add("units", new CategoricalDistribution(List.of(16L, 32L, 64L)))
        .add("act", new CategoricalDistribution(List.of("relu", "tanh")))
        .add("dropout", FloatDistribution.stepped(0.0, 0.4, 0.1))
        .add("l2", FloatDistribution.logUniform(1e-6, 1e-2))
        .build();
    Study study = Study.builder("breast_cancer", space).direction(Direction.MAXIMIZE)
        .sampler(Samplers.create("tpe", Map.of("startup", 8), 7))
        .pruner(Pruners.create("median", Map.of("warmup", 5)))
        .open();
    Map<Integer, Double> testAccuracy = new ConcurrentHashMap<>();
    StudyResult result = study.optimize(trial -> {
      ParamValues p = trial.params();
      TrainResult r = Trainer.train(BenchSetup.network(data, 7, p.getDouble("lr"), p.getInt("units"),
              p.getString("act"), p.getDouble("dropout"), p.getDouble("l2")), data, Normalization.STANDARD, "mcxent",
          TrainOptions.of(30, 32, "accuracy", 7).withEarlyStopping(5, 0), (epoch, value) -> {
            trial.report(epoch, value);
            return trial.shouldPrune();
          });
      if (r.pruned()) {
        throw new TrialPrunedException();
      }
      testAccuracy.put(trial.number(), r.test().get("accuracy"));
      return r.validation().get("accuracy");
    }, StudyOptions.trials(30).withParallel(parallel));
    double seconds = (System.nanoTime() - start) / 1e9;
    FrozenTrial best = result.best().orElseThrow();
    System.out.printf(Locale.ROOT, "{\"bench\":\"peer\",\"who\":\"hyp\",\"trials\":%d,\"complete\":%d,\"pruned\":%d,"
            + "\"failed\":%d,\"parallel\":%d,\"seconds\":%.2f,\"best_validation_accuracy\":%.4f,"
            + "\"best_test_accuracy\":%.4f,\"best_params\":\"%s\",\"omp\":\"%s\"}%n",
        result.trials().size(), result.count(TrialState.COMPLETE), result.count(TrialState.PRUNED),
        result.count(TrialState.FAILED), parallel, seconds, best.value(), testAccuracy.get(best.number()),
        best.params(), BenchSetup.env("OMP_NUM_THREADS"));
  }
}
