package dev.hyp.runtime.experiment;

import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.vocab.PrunerKind;
import dev.hyp.runtime.vocab.Settings;
import dev.hyp.runtime.vocab.Strategy;
import java.util.Map;
import java.util.Objects;

/**
 * Everything about an experiment that does not vary from trial to trial, as generated code
 * states it: the spec itself, its data, how to search and what to optimise. Generated code
 * builds it with {@link #builder(String)}; the parts left out take the vocabulary's defaults.
 *
 * <pre>{@code
 * ExperimentDefinition.builder("iris")
 *     .spec(specText, specHash)
 *     .task(Task.CLASSIFICATION)
 *     .data(DataDefinition.of(new CsvFile("data/iris.csv", "species", true, ","), new Split.Holdout(0.2, 0.0)))
 *     .search(SearchDefinition.of(Strategy.TPE).withTrials(40))
 *     .objective(ObjectiveDefinition.maximize("accuracy", "validation"))
 *     .build();
 * }</pre>
 *
 * @param specText the spec as written, kept with every run and jar
 * @param specHash SHA-256 of specText: a study resumes only with the spec it started with
 */
public record ExperimentDefinition(String name, String description, long seed, String specText, String specHash,
    Task task, DataDefinition data, SearchDefinition search, ObjectiveDefinition objective) {

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A CSV file as the spec names it; the path is relative to the spec's folder. */
  public record CsvFile(String path, String label, boolean header, String delimiter) {}

  /** @param test a separate test file, or null; @param image {height, width, channels}, or null */
  public record DataDefinition(CsvFile source, CsvFile test, Split split, int[] image) {
    /** Flat features from one file, split as given. */
    public static DataDefinition of(CsvFile source, Split split) {
      return new DataDefinition(source, null, split, null);
    }

    public DataDefinition withTest(CsvFile test) {
      return new DataDefinition(source, test, split, image);
    }

    /** Each row is an image of {@code height x width} pixels and {@code channels} channels. */
    public DataDefinition withImage(int height, int width, int channels) {
      return new DataDefinition(source, test, split, new int[] {height, width, channels});
    }
  }

  /**
   * How to search. Options go by the vocabulary's names ({@link Strategy#options()}, {@link
   * PrunerKind#options()}); absent ones take its defaults.
   *
   * @param timeoutSeconds, target, maxFailures null when not set
   */
  public record SearchDefinition(Strategy strategy, Map<String, Object> options, int trials, int parallel,
      Long timeoutSeconds, Double target, Integer maxFailures, PrunerKind pruner, Map<String, Object> prunerOptions) {

    /** The strategy with its default options, the default budget, one trial at a time, no pruner. */
    public static SearchDefinition of(Strategy strategy) {
      return new SearchDefinition(strategy, Map.of(), Settings.TRIALS.defaultInt(), Settings.PARALLEL.defaultInt(),
          null, null, null, PrunerKind.DEFAULT, Map.of());
    }

    public SearchDefinition withOptions(Map<String, Object> options) {
      return new SearchDefinition(strategy, Map.copyOf(options), trials, parallel, timeoutSeconds, target,
          maxFailures, pruner, prunerOptions);
    }

    public SearchDefinition withTrials(int trials) {
      return new SearchDefinition(strategy, options, trials, parallel, timeoutSeconds, target, maxFailures, pruner,
          prunerOptions);
    }

    public SearchDefinition withParallel(int parallel) {
      return new SearchDefinition(strategy, options, trials, parallel, timeoutSeconds, target, maxFailures, pruner,
          prunerOptions);
    }

    public SearchDefinition withTimeoutSeconds(long timeoutSeconds) {
      return new SearchDefinition(strategy, options, trials, parallel, timeoutSeconds, target, maxFailures, pruner,
          prunerOptions);
    }

    /** Stop once the objective reaches {@code target}. */
    public SearchDefinition withTarget(double target) {
      return new SearchDefinition(strategy, options, trials, parallel, timeoutSeconds, target, maxFailures, pruner,
          prunerOptions);
    }

    public SearchDefinition withMaxFailures(int maxFailures) {
      return new SearchDefinition(strategy, options, trials, parallel, timeoutSeconds, target, maxFailures, pruner,
          prunerOptions);
    }

    public SearchDefinition withPruner(PrunerKind pruner, Map<String, Object> prunerOptions) {
      return new SearchDefinition(strategy, options, trials, parallel, timeoutSeconds, target, maxFailures, pruner,
          Map.copyOf(prunerOptions));
    }
  }

  public record ObjectiveDefinition(boolean maximize, String metric, String split) {
    public static ObjectiveDefinition maximize(String metric, String split) {
      return new ObjectiveDefinition(true, metric, split);
    }

    public static ObjectiveDefinition minimize(String metric, String split) {
      return new ObjectiveDefinition(false, metric, split);
    }

    public Direction direction() {
      return maximize ? Direction.MAXIMIZE : Direction.MINIMIZE;
    }
  }

  /** Names the parts of a definition; {@link #build()} checks that the required ones are there. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private long seed = Settings.SEED.defaultValue().longValue();
    private String specText;
    private String specHash;
    private Task task;
    private DataDefinition data;
    private SearchDefinition search = SearchDefinition.of(Strategy.DEFAULT);
    private ObjectiveDefinition objective;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The spec as written and its SHA-256. */
    public Builder spec(String text, String hash) {
      this.specText = text;
      this.specHash = hash;
      return this;
    }

    public Builder task(Task task) {
      this.task = task;
      return this;
    }

    public Builder data(DataDefinition data) {
      this.data = data;
      return this;
    }

    public Builder search(SearchDefinition search) {
      this.search = search;
      return this;
    }

    public Builder objective(ObjectiveDefinition objective) {
      this.objective = objective;
      return this;
    }

    public ExperimentDefinition build() {
      return new ExperimentDefinition(name, description, seed, Objects.requireNonNull(specText, "spec"), specHash,
          Objects.requireNonNull(task, "task"), Objects.requireNonNull(data, "data"), search,
          Objects.requireNonNull(objective, "objective"));
    }
  }
}
