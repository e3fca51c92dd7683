package dev.hyp.runtime.experiment;

import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.trial.Direction;
import java.util.Map;

/**
 * Everything about an experiment that does not vary from trial to trial, as generated code
 * states it: the spec itself, its data, how to search and what to optimise.
 *
 * @param specText the spec as written, kept with every run and jar
 * @param specHash SHA-256 of specText: a study resumes only with the spec it started with
 */
public record ExperimentDefinition(String name, String description, long seed, String specText, String specHash,
    Task task, DataDefinition data, SearchDefinition search, ObjectiveDefinition objective) {

  /** A CSV file as the spec names it; the path is relative to the spec's folder. */
  public record CsvFile(String path, String label, boolean header, String delimiter) {}

  /** @param test a separate test file, or null; @param image {height, width, channels}, or null */
  public record DataDefinition(CsvFile source, CsvFile test, Split split, int[] image) {}

  /**
   * @param timeoutSeconds, target, maxFailures null when not set
   * @param maxEpochs the largest number of epochs a trial can run (for hyperband)
   */
  public record SearchDefinition(String strategy, Map<String, Object> options, int trials, int parallel,
      Long timeoutSeconds, Double target, Integer maxFailures, String pruner, Map<String, Object> prunerOptions,
      int maxEpochs) {}

  public record ObjectiveDefinition(boolean maximize, String metric, String split) {
    public Direction direction() {
      return maximize ? Direction.MAXIMIZE : Direction.MINIMIZE;
    }
  }
}
