package dev.hyp.compiler.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A spec "as meant": every name resolved, every default filled in, every check passed.
 * Only code generators and the runtime read it; it is a different type from the syntax tree.
 * {@code specFile} is null for a spec that was not read from a file.
 */
public record CheckedExperiment(String name, String description, long seed, Path specFile, Task task,
    DataSpec data, List<ParamSpec> params, ModelSpec model, TrainSpec train, SearchSpec search,
    Objective objective) {

  public CheckedExperiment {
    params = List.copyOf(params);
  }
}
