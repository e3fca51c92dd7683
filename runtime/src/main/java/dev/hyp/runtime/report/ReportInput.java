package dev.hyp.runtime.report;

import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.ObjectiveName;
import java.util.List;

/**
 * What a report shows: a run's objective, every trial of its study and, when the run folder
 * kept them, how the spec declared its parameters (empty for a run folder from before that), and
 * the spec's objectives (empty or one for a single-objective search: then the report has no front).
 */
public record ReportInput(String experiment, String metric, String split, boolean maximize, List<FrozenTrial> trials,
    List<ParamScale> scales, List<ObjectiveName> objectives) {
  public ReportInput {
    trials = List.copyOf(trials);
    scales = scales == null ? List.of() : List.copyOf(scales);
    objectives = objectives == null ? List.of() : List.copyOf(objectives);
  }

  public ReportInput(String experiment, String metric, String split, boolean maximize, List<FrozenTrial> trials,
      List<ParamScale> scales) {
    this(experiment, metric, split, maximize, trials, scales, List.of());
  }

  public ReportInput(String experiment, String metric, String split, boolean maximize, List<FrozenTrial> trials) {
    this(experiment, metric, split, maximize, trials, List.of());
  }
}
