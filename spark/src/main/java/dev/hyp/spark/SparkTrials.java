package dev.hyp.spark;

import dev.hyp.runtime.study.Objective;
import dev.hyp.runtime.study.Outcome;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.study.TrialPrunedException;
import dev.hyp.runtime.trial.BestTrialOrder;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A study's objective that trains each trial in a Spark task. The study stays here, on the
 * driver: {@link dev.hyp.runtime.study.Study#optimize} asks for trials on its {@code parallel}
 * threads as usual, and each thread sends its trial to Spark as a job of one task and waits for
 * it, so at most {@code parallel} trials run on the cluster at once. When the task ends, the
 * thread replays its per-epoch values into the study, hands its payload to {@link
 * ResultHandler}, and tells the study; so every result is saved on the driver as soon as its
 * task finishes.
 *
 * <p>Failures: a {@link TrialOutcome#failed} outcome fails the trial at once. A task that throws,
 * or whose executor is lost, is retried by Spark up to {@code spark.task.maxFailures} times; if
 * every attempt fails the trial is recorded as failed with the last attempt's error. Either way
 * the study goes on (subject to its {@code max_failures}).
 */
public final class SparkTrials implements Objective {
  private final JavaSparkContext spark;
  private final TrialFunction function;
  private final Pruning pruning;
  private final ResultHandler results;
  private final Supplier<BestTrialOrder.Standing> best;
  private final Measures measures;

  /**
   * With several objectives or constraints: what the driver decides before a task is sent (a trial
   * over a `params` bound is rejected here, so no executor trains it).
   */
  @FunctionalInterface
  public interface Measures {
    /** The outcome of a trial rejected before training, or empty when it is worth training. */
    Optional<Outcome> beforeTraining(Trial trial) throws Exception;
  }

  /** Which pruner the tasks apply, and the study's trials to judge against. */
  public record Pruning(String name, Map<String, Object> options, Direction direction,
      Supplier<List<FrozenTrial>> trials) {
    public static Pruning none(Direction direction) {
      return new Pruning("none", Map.of(), direction, List::of);
    }

    PrunerSnapshot snapshot(int number) {
      return PrunerSnapshot.of(name, options, direction, name.equals("none") ? List.of() : trials.get(), number);
    }
  }

  /** Takes a finished task's outcome on the driver, before the study is told. */
  @FunctionalInterface
  public interface ResultHandler {
    void accept(Trial trial, TrialOutcome outcome) throws Exception;

    ResultHandler NONE = (trial, outcome) -> {};
  }

  public SparkTrials(JavaSparkContext spark, TrialFunction function, Pruning pruning, ResultHandler results,
      Supplier<Double> bestValue) {
    this(spark, function, pruning, results, bestValue, null);
  }

  /** @param measures null for a search with one objective and no constraints */
  public SparkTrials(JavaSparkContext spark, TrialFunction function, Pruning pruning, ResultHandler results,
      Supplier<Double> bestValue, Measures measures) {
    this(spark, function, measures, pruning, results, againstValue(Objects.requireNonNull(bestValue)));
  }

  /**
   * @param best the best trial so far (what a task's trial must beat to send its model), or null
   * @param measures null for a search with one objective and no constraints
   */
  public SparkTrials(JavaSparkContext spark, TrialFunction function, Measures measures, Pruning pruning,
      ResultHandler results, Supplier<BestTrialOrder.Standing> best) {
    this.spark = Objects.requireNonNull(spark);
    this.function = Objects.requireNonNull(function);
    this.pruning = Objects.requireNonNull(pruning);
    this.results = Objects.requireNonNull(results);
    this.best = Objects.requireNonNull(best);
    this.measures = measures;
  }

  /** A best value alone, as a trial that a tie does not beat. */
  private static Supplier<BestTrialOrder.Standing> againstValue(Supplier<Double> bestValue) {
    return () -> {
      Double value = bestValue.get();
      return value == null ? null : new BestTrialOrder.Standing(value, null, -1);
    };
  }

  @Override
  public double evaluate(Trial trial) throws Exception {
    return single(trial).first();
  }

  /** One objective: the task's value, with its model's validation loss for the study to keep. */
  private Outcome single(Trial trial) throws Exception {
    TrialOutcome outcome = train(trial);
    results.accept(trial, outcome);
    return Outcome.of(outcome.value()).withValidationLoss(outcome.validationLoss());
  }

  /**
   * With several objectives or constraints, as the run's threads do: a trial over a `params`
   * bound is rejected on the driver at no cost; the others train in a task that measures every
   * objective and bound, and the study (its sampler) gets each value and the verdict.
   */
  @Override
  public Outcome outcome(Trial trial) throws Exception {
    if (measures == null) {
      return single(trial);
    }
    Optional<Outcome> rejected = measures.beforeTraining(trial);
    if (rejected.isPresent()) {
      return rejected.get();
    }
    TrialOutcome outcome = train(trial);
    results.accept(trial, outcome);
    if (outcome.values() == null) {
      return Outcome.of(outcome.value());
    }
    List<Double> values = new ArrayList<>();
    for (double v : outcome.values()) {
      values.add(v);
    }
    return Outcome.of(values, outcome.violation(), outcome.reason());
  }

  /** Sends the trial to Spark, replays its epochs into the study; throws for a pruned or failed one. */
  private TrialOutcome train(Trial trial) throws Exception {
    BestTrialOrder.Standing toBeat = best.get();
    TrialInput input = toBeat == null
        ? new TrialInput(trial.number(), new LinkedHashMap<>(trial.params().asMap()), pruning.snapshot(trial.number()),
            null)
        : new TrialInput(trial.number(), new LinkedHashMap<>(trial.params().asMap()), pruning.snapshot(trial.number()),
            toBeat.value(), toBeat.validationLoss(), toBeat.number());
    TrialOutcome outcome = run(input);
    double[] values = outcome.intermediate() == null ? new double[0] : outcome.intermediate();
    for (int i = 0; i < values.length; i++) {
      trial.report(i + 1, values[i]);
    }
    if (outcome.failure() != null) {
      throw new TrialFailedOnSpark(outcome.failure());
    }
    if (outcome.pruned()) {
      throw new TrialPrunedException();
    }
    if (outcome.value() == null) {
      throw new TrialFailedOnSpark("the task returned no value");
    }
    return outcome;
  }

  private TrialOutcome run(TrialInput input) throws TrialFailedOnSpark {
    // job properties are per thread: each trial is its own job group, cancellable and named in the UI
    spark.setJobGroup("hyp-trial-" + input.number(), "hyp trial " + input.number(), true);
    try {
      List<TrialOutcome> out = spark.parallelize(List.of(input), 1).map(new TrialTask(function)).collect();
      return out.get(0);
    } catch (Exception e) { // SparkException is checked, though Scala does not declare it
      throw new TrialFailedOnSpark(reason(e), e);
    } finally {
      spark.clearJobGroup();
    }
  }

  private static final Pattern LAST_FAILURE =
      Pattern.compile("failed (\\d+) times?, most recent failure: Lost task [^:]*?\\): (.*)");

  /**
   * The error of the task's last attempt, from Spark's "Job aborted" message: "spark task failed
   * 2 times: java.lang.IllegalStateException: disk full".
   */
  static String reason(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    Matcher m = LAST_FAILURE.matcher(first);
    if (m.find()) {
      return "spark task failed " + m.group(1) + (m.group(1).equals("1") ? " time: " : " times: ") + m.group(2);
    }
    return "spark task failed: " + first;
  }

  /** A trial that failed on Spark; its message is the reason stored with the trial. */
  static final class TrialFailedOnSpark extends Exception {
    private static final long serialVersionUID = 1L;

    TrialFailedOnSpark(String message) {
      super(message);
    }

    TrialFailedOnSpark(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
