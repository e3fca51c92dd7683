package dev.hyp.runtime.report;

import dev.hyp.runtime.study.FrozenTrial;
import java.util.List;

/** What a report shows: a run's objective and every trial of its study. */
public record ReportInput(String experiment, String metric, String split, boolean maximize, List<FrozenTrial> trials) {
  public ReportInput {
    trials = List.copyOf(trials);
  }
}
