package dev.hyp.runtime.experiment;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.study.Direction;
import dev.hyp.runtime.study.FrozenTrial;
import dev.hyp.runtime.study.Objective;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trains a run's trials somewhere other than this process's threads. The study, its sampler,
 * pruner and storage stay in this process; the executor only supplies the objective that
 * {@link dev.hyp.runtime.study.Study#optimize} calls for each trial. Found with {@link
 * java.util.ServiceLoader} by {@link #name()}: the optional spark module provides {@code spark},
 * chosen by {@code --spark [MASTER]}. The runtime itself does not depend on any of them.
 */
public interface TrialExecutor {
  /** The name options choose it by, e.g. {@code spark}. */
  String name();

  /**
   * Starts the executor for one run (connects to the cluster).
   *
   * @throws Exception when it cannot start; the run ends with that message
   */
  Session open(Run run) throws Exception;

  /** An open executor: its objective, then {@link #close()} (which releases the cluster). */
  interface Session extends AutoCloseable {
    Objective objective();

    @Override
    void close();
  }

  /**
   * What an executor needs of a run.
   *
   * @param experiment the generated experiment (its class has a public no-argument constructor)
   * @param target where to run, as given after the executor's option (a Spark master); null or
   *     empty for the environment's default (spark-submit's)
   * @param data the run's data, loaded here
   * @param source the training file, resolved; @param test the test file, or null
   * @param seed the run's seed (trials seed from it and their number: {@link TrialTraining#trialSeed})
   * @param maxEpochs --max-epochs, or null
   * @param pruner the study's pruner name and options (as {@link dev.hyp.runtime.pruner.Pruners#create} takes them)
   * @param trials the study's trials now, for pruning decisions
   * @param best the run's best model, kept here
   * @param parallel trials at once
   */
  record Run(Experiment<?> experiment, String target, ExperimentData data, CsvSource source, CsvSource test, long seed,
      Integer maxEpochs, String pruner, Map<String, Object> prunerOptions, Direction direction,
      Supplier<List<FrozenTrial>> trials, BestModels best, int parallel, PrintWriter out, PrintWriter err) {}

  /** The run's best model, kept on this machine; trials trained elsewhere send their model's bytes. */
  interface BestModels {
    /** The best value of a trial kept so far, or null. */
    Double bestValue();

    /** Keeps the trial's model ({@code modelZip}: as {@link TrialTraining#modelZip} gives it) if it is the best so far. */
    void offer(int trial, double value, TrialSummary summary, ParamValues params, byte[] modelZip) throws IOException;
  }

  /** A trained trial's metrics, as `best.json` reports them. */
  record TrialSummary(Map<String, Double> validation, Map<String, Double> test, int epochsRun, int bestEpoch)
      implements Serializable {}
}
