package dev.hyp.runtime.executor;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.study.Objective;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.runfolder.FrontModels;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.PrintWriter;
import java.nio.file.Path;
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
   * @param images the training image folder, resolved, or null for a CSV ({@code source} is then null)
   * @param imageTest the test image folder, or null
   * @param front the front's models when they are kept (several objectives, `pick` or `--keep front`):
   *     a feasible trial's model goes there instead of to {@code best}; else null
   */
  record Run(Experiment<?> experiment, String target, ExperimentData data, CsvSource source, CsvSource test, long seed,
      Integer maxEpochs, String pruner, Map<String, Object> prunerOptions, Direction direction,
      Supplier<List<FrozenTrial>> trials, BestModel best, int parallel, PrintWriter out, PrintWriter err,
      Path images, Path imageTest, FrontModels front) {

    /** Without kept front models. */
    public Run(Experiment<?> experiment, String target, ExperimentData data, CsvSource source, CsvSource test,
        long seed, Integer maxEpochs, String pruner, Map<String, Object> prunerOptions, Direction direction,
        Supplier<List<FrozenTrial>> trials, BestModel best, int parallel, PrintWriter out, PrintWriter err,
        Path images, Path imageTest) {
      this(experiment, target, data, source, test, seed, maxEpochs, pruner, prunerOptions, direction, trials, best,
          parallel, out, err, images, imageTest, null);
    }

    /** A CSV's run. */
    public Run(Experiment<?> experiment, String target, ExperimentData data, CsvSource source, CsvSource test,
        long seed, Integer maxEpochs, String pruner, Map<String, Object> prunerOptions, Direction direction,
        Supplier<List<FrozenTrial>> trials, BestModel best, int parallel, PrintWriter out, PrintWriter err) {
      this(experiment, target, data, source, test, seed, maxEpochs, pruner, prunerOptions, direction, trials, best,
          parallel, out, err, null, null, null);
    }
  }
}
