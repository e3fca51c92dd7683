package dev.hyp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Objective;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.study.TrialPrunedException;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plain ask/tell studies whose trials run as Spark tasks, against the same studies on threads. */
class SparkTrialsTest {
  static final SearchSpace SPACE = SearchSpace.builder()
      .add("x", FloatDistribution.uniform(-4, 4))
      .add("shape", CategoricalDistribution.of("bowl", "valley"))
      .build();
  static final SearchSpace GRID = SearchSpace.builder()
      .add("x", IntDistribution.uniform(0, 2))
      .add("shape", CategoricalDistribution.of("bowl", "valley"))
      .build();

  static JavaSparkContext spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** A seeded "training": three epochs whose values depend only on the parameters. */
  static double[] curve(ParamValues p) {
    double x = p.getDouble("x");
    double base = p.getString("shape").equals("bowl") ? x * x : Math.abs(x) + 0.5;
    return new double[] {base + 2, base + 1, base};
  }

  static final TrialFunction CURVE = (input, epochs) -> {
    double[] values = curve(input.paramValues());
    for (int i = 0; i < values.length; i++) {
      if (epochs.report(i + 1, values[i])) {
        return TrialOutcome.pruned(epochs.values());
      }
    }
    return TrialOutcome.complete(values[values.length - 1], epochs.values(), null);
  };

  /** The same trials on the study's own threads. */
  static final Objective THREADS = trial -> {
    double[] values = curve(trial.params());
    for (int i = 0; i < values.length; i++) {
      trial.report(i + 1, values[i]);
      if (trial.shouldPrune()) {
        throw new TrialPrunedException();
      }
    }
    return values[values.length - 1];
  };

  static Study study(String sampler) {
    return Study.builder("s", sampler.equals("grid") ? GRID : SPACE)
        .direction(Direction.MINIMIZE)
        .sampler(Samplers.create(sampler, Map.of(), 7))
        .open();
  }

  static SparkTrials onSpark(Study study, TrialFunction function) {
    return new SparkTrials(spark, function, SparkTrials.Pruning.none(Direction.MINIMIZE), SparkTrials.ResultHandler.NONE,
        () -> study.bestTrial().map(FrozenTrial::value).orElse(null));
  }

  @Test
  void randomSearchOnSparkGivesTheThreadsResults() {
    assertSameTrials("random", 6);
  }

  @Test
  void gridSearchOnSparkGivesTheThreadsResults() {
    assertSameTrials("grid", 6);
  }

  private void assertSameTrials(String sampler, int trials) {
    Study threads = study(sampler);
    StudyResult expected = threads.optimize(THREADS, StudyOptions.trials(trials).withParallel(2));
    Study onSpark = study(sampler);
    StudyResult actual = onSpark.optimize(onSpark(onSpark, CURVE), StudyOptions.trials(trials).withParallel(2));
    assertEquals(trials, actual.trials().size());
    for (int i = 0; i < trials; i++) {
      FrozenTrial e = expected.trials().get(i);
      FrozenTrial a = actual.trials().get(i);
      assertEquals(e.number(), a.number());
      assertEquals(e.params().asMap(), a.params().asMap(), "params of trial " + i);
      assertEquals(TrialState.COMPLETE, a.state());
      assertEquals(e.value(), a.value(), "value of trial " + i);
      assertEquals(e.intermediate(), a.intermediate(), "curve of trial " + i);
    }
    assertEquals(expected.best().orElseThrow().number(), actual.best().orElseThrow().number());
  }

  @Test
  void aTrialThatFailsIsRecordedAndTheStudyGoesOn() {
    Study study = study("random");
    TrialFunction function = (input, epochs) -> {
      if (input.number() == 1) {
        epochs.report(1, 9.0);
        return TrialOutcome.failed("the loss became NaN in epoch 2", epochs.values());
      }
      if (input.number() == 2) {
        throw new IllegalStateException("disk full on the executor");
      }
      return CURVE.run(input, epochs);
    };
    StudyResult result = study.optimize(onSpark(study, function), StudyOptions.trials(5).withParallel(2));
    assertEquals(5, result.trials().size());
    assertEquals(3, result.count(TrialState.COMPLETE));
    FrozenTrial nan = result.trials().get(1);
    assertEquals(TrialState.FAILED, nan.state());
    assertEquals("the loss became NaN in epoch 2", nan.reason());
    assertEquals(Map.of(1, 9.0), nan.intermediate());
    FrozenTrial thrown = result.trials().get(2);
    assertEquals(TrialState.FAILED, thrown.state());
    // local[2,2]: Spark tried the task twice before giving up on it
    assertEquals("spark task failed 2 times: java.lang.IllegalStateException: disk full on the executor",
        thrown.reason());
  }

  @Test
  void aTaskThatFailsOnceIsRetriedBySpark() {
    Study study = study("random");
    TrialFunction function = (input, epochs) -> {
      if (input.number() == 0 && TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("executor lost (first attempt)");
      }
      return CURVE.run(input, epochs);
    };
    StudyResult result = study.optimize(onSpark(study, function), StudyOptions.trials(2).withParallel(2));
    assertEquals(List.of(TrialState.COMPLETE, TrialState.COMPLETE),
        result.trials().stream().map(FrozenTrial::state).toList());
  }

  @Test
  void tasksPruneWithTheStudysPrunerOnWhatItKnewWhenTheyStarted() {
    // median(warmup 0, startup 1): after one complete trial, a trial worse than its curve stops at epoch 1
    Study study = Study.builder("s", SPACE)
        .direction(Direction.MINIMIZE)
        .sampler(Samplers.create("random", Map.of(), 7))
        .pruner(dev.hyp.runtime.pruner.Pruners.create("median", Map.of("warmup", 0L, "startup", 1L)))
        .open();
    SparkTrials objective = new SparkTrials(spark, CURVE,
        new SparkTrials.Pruning("median", Map.of("warmup", 0L, "startup", 1L), Direction.MINIMIZE, study::trials),
        SparkTrials.ResultHandler.NONE, () -> null);
    StudyResult result = study.optimize(objective, StudyOptions.trials(8).withParallel(1));
    FrozenTrial first = result.trials().get(0);
    assertEquals(TrialState.COMPLETE, first.state());
    for (FrozenTrial t : result.trials().subList(1, 8)) {
      // the rule of MedianPruner with every earlier trial known (one at a time here)
      double firstAtEpoch1 = first.intermediate().get(1);
      boolean worse = t.intermediate().get(1) > medianOfCompleteAt1(result.trials().subList(0, t.number()));
      assertEquals(worse ? TrialState.PRUNED : TrialState.COMPLETE, t.state(), t + " vs first " + firstAtEpoch1);
      assertEquals(worse ? 1 : 3, t.intermediate().size());
    }
    assertTrue(result.count(TrialState.PRUNED) > 0, "some trial is pruned");
  }

  /** Nine epochs whose values depend on the parameters: curves that cross, so rungs matter. */
  static final TrialFunction LONG_CURVE = (input, epochs) -> {
    double[] values = longCurve(input.paramValues());
    for (int i = 0; i < values.length; i++) {
      if (epochs.report(i + 1, values[i])) {
        return TrialOutcome.pruned(epochs.values());
      }
    }
    return TrialOutcome.complete(values[values.length - 1], epochs.values(), null);
  };

  static double[] longCurve(ParamValues p) {
    double x = p.getDouble("x");
    double floor = p.getString("shape").equals("bowl") ? x * x : Math.abs(x) + 0.5;
    double speed = 0.2 + Math.abs(Math.sin(7 * x));
    double[] values = new double[9];
    for (int e = 0; e < 9; e++) {
      values[e] = floor + 5 * Math.exp(-speed * (e + 1));
    }
    return values;
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"median", "asha", "hyperband"})
  void oneTrialAtATimeEveryPrunerDecidesAsOnThreads(String pruner) {
    Map<String, Object> options = switch (pruner) {
      case "median" -> Map.of("warmup", 1L, "startup", 2L);
      case "asha" -> Map.of("min_epochs", 1L, "reduction", 3L);
      default -> Map.of("min_epochs", 1L, "reduction", 3L, "max_epochs", 9L);
    };
    Objective threadsObjective = trial -> {
      double[] values = longCurve(trial.params());
      for (int i = 0; i < values.length; i++) {
        trial.report(i + 1, values[i]);
        if (trial.shouldPrune()) {
          throw new TrialPrunedException();
        }
      }
      return values[values.length - 1];
    };
    Study threads = prunedStudy(pruner, options);
    StudyResult expected = threads.optimize(threadsObjective, StudyOptions.trials(12));
    Study onSpark = prunedStudy(pruner, options);
    SparkTrials objective = new SparkTrials(spark, LONG_CURVE,
        new SparkTrials.Pruning(pruner, options, Direction.MINIMIZE, onSpark::trials), SparkTrials.ResultHandler.NONE,
        () -> null);
    StudyResult actual = onSpark.optimize(objective, StudyOptions.trials(12));
    for (int i = 0; i < 12; i++) {
      FrozenTrial e = expected.trials().get(i);
      FrozenTrial a = actual.trials().get(i);
      assertEquals(e.params().asMap(), a.params().asMap());
      assertEquals(e.state(), a.state(), "state of trial " + i);
      assertEquals(e.intermediate(), a.intermediate(), "curve of trial " + i);
      assertEquals(e.value(), a.value());
    }
    assertTrue(actual.count(TrialState.PRUNED) > 0, pruner + " pruned nothing: the test would prove little");
  }

  private static Study prunedStudy(String pruner, Map<String, Object> options) {
    return Study.builder("s", SPACE)
        .direction(Direction.MINIMIZE)
        .sampler(Samplers.create("random", Map.of(), 11))
        .pruner(dev.hyp.runtime.pruner.Pruners.create(pruner, options))
        .open();
  }

  static double expensiveStep(ParamValues p, int step) {
    return curve(p)[step - 1];
  }

  /** The example of docs/spark.md ("From Java: any study on Spark"), on this class's Spark context. */
  @Test
  void theDocsExampleRuns() {
    Study study = Study.builder("quickstart", SPACE).direction(Direction.MINIMIZE)
        .sampler(Samplers.create("random", Map.of(), 7)).open();
    TrialFunction cost = (input, steps) -> {
      ParamValues p = input.paramValues();
      double value = 0;
      for (int step = 1; step <= 3; step++) {
        value = expensiveStep(p, step);           // runs on an executor
        if (steps.report(step, value)) {
          return TrialOutcome.pruned(steps.values());
        }
      }
      return TrialOutcome.complete(value, steps.values(), null);
    };
    SparkTrials objective = new SparkTrials(spark, cost,
        new SparkTrials.Pruning("median", Map.of("startup", 5L), Direction.MINIMIZE, study::trials),
        SparkTrials.ResultHandler.NONE, () -> study.bestTrial().map(FrozenTrial::value).orElse(null));
    StudyResult result = study.optimize(objective, StudyOptions.trials(40).withParallel(2));
    assertEquals(40, result.trials().size());
    assertTrue(result.count(TrialState.PRUNED) > 0 && result.count(TrialState.COMPLETE) > 5);
    assertTrue(result.best().orElseThrow().value() < 0.1, result.best().toString());
  }

  private static double medianOfCompleteAt1(List<FrozenTrial> trials) {
    double[] v = trials.stream().filter(t -> t.state() == TrialState.COMPLETE)
        .mapToDouble(t -> t.intermediate().get(1)).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }
}
