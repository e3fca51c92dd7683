package dev.hyp.compiler.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A spec "as meant": every name resolved, every default filled in, every check passed.
 * Only code generators and the runtime read it; it is a different type from the syntax tree.
 * {@code specFile} is null for a spec that was not read from a file. {@code objective} is the first
 * of {@code objectives} (always a metric); {@code constraints} is empty without a `constraints` section.
 * {@code pick} is the `pick` rule (which front trial `best-model.zip` holds) or null; it changes no
 * trial, so the spec's meaning leaves it out.
 */
public record CheckedExperiment(String name, String description, long seed, Path specFile, Task task,
    DataSpec data, List<ParamSpec> params, ModelSpec model, TrainSpec train, SearchSpec search,
    Objective objective, List<Objective> objectives, List<Constraint> constraints, String pick) {

  public CheckedExperiment {
    params = List.copyOf(params);
    objectives = objectives == null || objectives.isEmpty() ? List.of(objective) : List.copyOf(objectives);
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
  }

  /** Without a `pick` rule. */
  public CheckedExperiment(String name, String description, long seed, Path specFile, Task task, DataSpec data,
      List<ParamSpec> params, ModelSpec model, TrainSpec train, SearchSpec search, Objective objective,
      List<Objective> objectives, List<Constraint> constraints) {
    this(name, description, seed, specFile, task, data, params, model, train, search, objective, objectives,
        constraints, null);
  }

  /** One objective and no constraints. */
  public CheckedExperiment(String name, String description, long seed, Path specFile, Task task, DataSpec data,
      List<ParamSpec> params, ModelSpec model, TrainSpec train, SearchSpec search, Objective objective) {
    this(name, description, seed, specFile, task, data, params, model, train, search, objective, List.of(objective),
        List.of());
  }

  /** Whether the search has several objectives (a Pareto front) rather than one. */
  public boolean isMultiObjective() {
    return objectives.size() > 1;
  }
}
