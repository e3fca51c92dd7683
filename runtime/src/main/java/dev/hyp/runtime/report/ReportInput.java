package dev.hyp.runtime.report;

import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;

/**
 * What a report shows: a run's objective, every trial of its study and, when the run folder
 * kept them, how the spec declared its parameters (empty for a run folder from before that).
 */
public record ReportInput(String experiment, String metric, String split, boolean maximize, List<FrozenTrial> trials,
    List<ParamScale> scales) {
  public ReportInput {
    trials = List.copyOf(trials);
    scales = scales == null ? List.of() : List.copyOf(scales);
  }

  public ReportInput(String experiment, String metric, String split, boolean maximize, List<FrozenTrial> trials) {
    this(experiment, metric, split, maximize, trials, List.of());
  }
}
