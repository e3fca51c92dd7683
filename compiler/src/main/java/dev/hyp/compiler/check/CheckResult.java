package dev.hyp.compiler.check;

import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.model.CheckedExperiment;
import java.util.List;

/** The checked experiment (null when there are errors) and every diagnostic, in source order. */
public record CheckResult(CheckedExperiment experiment, List<Diagnostic> diagnostics) {
  public CheckResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Whether an error is about a data file (missing, or without the label column) rather than the spec's text. */
  public boolean hasDataFileErrors() {
    return diagnostics.stream().anyMatch(d -> d.isError() && d.code().isDataFile());
  }
}
