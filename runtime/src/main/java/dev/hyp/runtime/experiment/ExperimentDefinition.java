package dev.hyp.runtime.experiment;

import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.trial.Constraint;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.Objectives;
import java.util.ArrayList;
import java.util.List;
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
 *     .source("data/iris.csv", "species", true, ",")
 *     .split(new Split.Holdout(0.2, 0.0))
 *     .search(Strategy.TPE, Map.of("startup", 5L))
 *     .trials(40)
 *     .maximize("accuracy", "validation")
 *     .build();
 * }</pre>
 *
 * @param specText the spec as written, kept with every run and jar
 * @param specHash SHA-256 of specText: a study resumes only with the spec it started with
 * @param objective the first of {@code objectives}, always a metric: pruning, `best-model.zip` and
 *     every single-objective view follow it
 * @param objectives every objective in the spec's order (one for most specs)
 * @param constraints the `constraints` section's bounds, empty without one
 * @param pick the spec's `pick` rule (which front trial `best-model.zip` holds), or null: the first
 *     objective's best; it changes no trial, so it is no part of the spec's meaning
 */
public record ExperimentDefinition(String name, String description, long seed, String specText, String specHash,
    Task task, DataDefinition data, SearchDefinition search, ObjectiveDefinition objective,
    List<ObjectiveDefinition> objectives, List<Constraint> constraints, String pick) {

  public ExperimentDefinition {
    objectives = objectives == null || objectives.isEmpty() ? List.of(objective) : List.copyOf(objectives);
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
  }

  /** Without a `pick` rule. */
  public ExperimentDefinition(String name, String description, long seed, String specText, String specHash,
      Task task, DataDefinition data, SearchDefinition search, ObjectiveDefinition objective,
      List<ObjectiveDefinition> objectives, List<Constraint> constraints) {
    this(name, description, seed, specText, specHash, task, data, search, objective, objectives, constraints, null);
  }

  /** One objective, no constraints. */
  public ExperimentDefinition(String name, String description, long seed, String specText, String specHash,
      Task task, DataDefinition data, SearchDefinition search, ObjectiveDefinition objective) {
    this(name, description, seed, specText, specHash, task, data, search, objective, List.of(objective), List.of());
  }

  /** Whether the search has several objectives, or constraints: its trials keep a value per objective. */
  public boolean isMultiObjective() {
    return objectives.size() > 1 || !constraints.isEmpty();
  }

  /** Every objective's direction, in order. */
  public Objectives directions() {
    return new Objectives(objectives.stream().map(ObjectiveDefinition::direction).toList());
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A CSV file as the spec names it; the path is relative to the spec's folder. */
  public record CsvFile(String path, String label, boolean header, String delimiter) {}

  /**
   * An image folder as the spec names it (`images(path, size, skip_unreadable)`); the path is
   * relative to the spec's folder.
   *
   * @param size {height, width, channels} to scale every image to, or null: the images' own size
   */
  public record ImageFolder(String path, int[] size, boolean skipUnreadable) {}

  /**
   * @param source the training file, or null when the data is an image folder
   * @param test a separate test file, or null
   * @param image {height, width, channels} of a CSV's pixel columns, or null
   * @param images the training image folder, or null when the data is a CSV file
   * @param imageTest a separate test image folder, or null
   * @param plan how the table is prepared (column choice, kinds, missing values, encoding, class
   *     weights); null in experiments compiled before hyp prepared tables: every feature a number
   */
  public record DataDefinition(CsvFile source, CsvFile test, Split split, int[] image, ImageFolder images,
      ImageFolder imageTest, DataPlan plan) {
    public DataDefinition(CsvFile source, CsvFile test, Split split, int[] image) {
      this(source, test, split, image, null, null, null);
    }
  }

  /**
   * How to search. Options go by the vocabulary's names ({@link Strategy#options()}, {@link
   * PrunerKind#options()}); absent ones take its defaults.
   *
   * @param timeoutSeconds, target, maxFailures null when not set
   * @param refit `refit = true`: after the search, train the best trial's configuration on every non-test row
   */
  public record SearchDefinition(Strategy strategy, Map<String, Object> options, int trials, int parallel,
      Long timeoutSeconds, Double target, Integer maxFailures, PrunerKind pruner, Map<String, Object> prunerOptions,
      boolean refit) {

    /** Without a refit. */
    public SearchDefinition(Strategy strategy, Map<String, Object> options, int trials, int parallel,
        Long timeoutSeconds, Double target, Integer maxFailures, PrunerKind pruner, Map<String, Object> prunerOptions) {
      this(strategy, options, trials, parallel, timeoutSeconds, target, maxFailures, pruner, prunerOptions,
          Settings.REFIT_DEFAULT);
    }
  }

  /**
   * One objective: a metric on a split, or a measure with no split ({@code split} null): `params`
   * (the network's trainable weights), `train_time` (seconds), `latency` (ms per example).
   */
  public record ObjectiveDefinition(boolean maximize, String metric, String split) {
    public Direction direction() {
      return maximize ? Direction.MAXIMIZE : Direction.MINIMIZE;
    }
  }

  /**
   * Names the parts of a definition; {@link #build()} checks that the required ones are there
   * (the spec, the task, the data source and split, the objective). The others start at the
   * vocabulary's defaults: no description, seed 0, a table prepared by {@link DataPlan#DEFAULT},
   * random search of {@link Settings#TRIALS} trials one at a time, no pruner.
   */
  public static final class Builder {
    private final String name;
    private String description = "";
    private long seed = Settings.SEED.defaultValue().longValue();
    private String specText;
    private String specHash;
    private Task task;
    private CsvFile source;
    private CsvFile test;
    private Split split;
    private int[] image;
    private ImageFolder images;
    private ImageFolder imageTest;
    private DataPlan plan = DataPlan.DEFAULT;
    private Strategy strategy = Strategy.DEFAULT;
    private Map<String, Object> options = Map.of();
    private int trials = Settings.TRIALS.defaultInt();
    private int parallel = Settings.PARALLEL.defaultInt();
    private Long timeoutSeconds;
    private Double target;
    private Integer maxFailures;
    private PrunerKind pruner = PrunerKind.DEFAULT;
    private Map<String, Object> prunerOptions = Map.of();
    private boolean refit = Settings.REFIT_DEFAULT;
    private ObjectiveDefinition objective;
    private final List<ObjectiveDefinition> objectives = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private String pick;

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

    /** `source = csv(path, label, header, delimiter)`. */
    public Builder source(String path, String label, boolean header, String delimiter) {
      this.source = new CsvFile(path, label, header, delimiter);
      return this;
    }

    /** `test = csv(...)`: a separate file for the final test. */
    public Builder test(String path, String label, boolean header, String delimiter) {
      this.test = new CsvFile(path, label, header, delimiter);
      return this;
    }

    public Builder split(Split split) {
      this.split = split;
      return this;
    }

    /** `shape = image(height, width, channels)`. */
    public Builder image(int height, int width, int channels) {
      this.image = new int[] {height, width, channels};
      return this;
    }

    /** `source = images(path, size = image(height, width, channels), skip_unreadable)`. */
    public Builder images(String path, int height, int width, int channels, boolean skipUnreadable) {
      this.images = new ImageFolder(path, new int[] {height, width, channels}, skipUnreadable);
      return this;
    }

    /** `source = images(path, skip_unreadable)`: the images' own size. */
    public Builder images(String path, boolean skipUnreadable) {
      this.images = new ImageFolder(path, null, skipUnreadable);
      return this;
    }

    /** `test = images(path, size = image(height, width, channels), skip_unreadable)`. */
    public Builder imageTest(String path, int height, int width, int channels, boolean skipUnreadable) {
      this.imageTest = new ImageFolder(path, new int[] {height, width, channels}, skipUnreadable);
      return this;
    }

    /** `test = images(path, skip_unreadable)`: the training images' size. */
    public Builder imageTest(String path, boolean skipUnreadable) {
      this.imageTest = new ImageFolder(path, null, skipUnreadable);
      return this;
    }

    /** How the `data` section prepares the table (features, kinds, missing values, encoding, class weights). */
    public Builder plan(DataPlan plan) {
      this.plan = plan;
      return this;
    }

    /** `search STRATEGY { ... }` with the strategy's default options. */
    public Builder search(Strategy strategy) {
      return search(strategy, Map.of());
    }

    /** `search STRATEGY { ... }`, with the options that differ from the strategy's defaults. */
    public Builder search(Strategy strategy, Map<String, Object> options) {
      this.strategy = strategy;
      this.options = Map.copyOf(options);
      return this;
    }

    public Builder trials(int trials) {
      this.trials = trials;
      return this;
    }

    public Builder parallel(int parallel) {
      this.parallel = parallel;
      return this;
    }

    /** No new trial starts after this many seconds. */
    public Builder timeoutSeconds(long seconds) {
      this.timeoutSeconds = seconds;
      return this;
    }

    /** Stop once the objective reaches {@code target}. */
    public Builder target(double target) {
      this.target = target;
      return this;
    }

    public Builder maxFailures(int maxFailures) {
      this.maxFailures = maxFailures;
      return this;
    }

    /** `pruner = NAME(options)`, with the options that differ from its defaults. */
    public Builder pruner(PrunerKind pruner, Map<String, Object> options) {
      this.pruner = pruner;
      this.prunerOptions = Map.copyOf(options);
      return this;
    }

    /** `refit = true`: refit the best trial at the end of the search. */
    public Builder refit(boolean refit) {
      this.refit = refit;
      return this;
    }

    /** The objective; called again, one more objective (`objective = A, B`), the first staying first. */
    public Builder maximize(String metric, String split) {
      return objective(new ObjectiveDefinition(true, metric, split));
    }

    /** As {@link #maximize}. */
    public Builder minimize(String metric, String split) {
      return objective(new ObjectiveDefinition(false, metric, split));
    }

    private Builder objective(ObjectiveDefinition next) {
      if (objective == null) {
        objective = next;
      }
      objectives.add(next);
      return this;
    }

    /** A bound in `constraints { }`: {@code atMost} for `<=`; {@code split} null for a measure that is not a metric. */
    public Builder constraint(String measure, String split, boolean atMost, double bound) {
      constraints.add(new Constraint(measure, split, atMost, bound));
      return this;
    }

    /** `pick = "RULE"`: which front trial `best-model.zip` holds (see {@code PickRule}). */
    public Builder pick(String rule) {
      this.pick = rule;
      return this;
    }

    public ExperimentDefinition build() {
      DataDefinition data = new DataDefinition(images != null ? source : Objects.requireNonNull(source, "source"), test,
          Objects.requireNonNull(split, "split"), image, images, imageTest,
          plan);
      SearchDefinition search = new SearchDefinition(strategy, options, trials, parallel, timeoutSeconds, target,
          maxFailures, pruner, prunerOptions, refit);
      return new ExperimentDefinition(name, description, seed, Objects.requireNonNull(specText, "spec"), specHash,
          Objects.requireNonNull(task, "task"), data, search, Objects.requireNonNull(objective, "objective"),
          objectives, constraints, pick);
    }
  }
}
