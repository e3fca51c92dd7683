package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.ObjectiveMember;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.Objective;
import dev.hyp.compiler.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks `objective = maximize METRIC on SPLIT` against the task and the data's splits. */
final class ObjectiveChecker {
  private final Diagnostics diagnostics;

  ObjectiveChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Empty after reporting problems; {@code task} and {@code data} are null when they had problems. */
  Optional<Objective> check(ObjectiveMember objective, Task task, DataSpec data) {
    String metric = objective.metric().name();
    if (ObjectivesChecker.MEASURES.contains(metric)) {
      diagnostics.add(ObjectivesChecker.firstNotAMetric(objective.metric()));
      return Optional.empty();
    }
    String split = objective.split().name();
    boolean ok = true;
    Set<String> known = new LinkedHashSet<>(Builtins.CLASSIFICATION_METRICS);
    known.addAll(Builtins.REGRESSION_METRICS);
    if (!known.contains(metric)) {
      diagnostics.add(Diagnostic.error(Code.HYP012, objective.metric().span(), "unknown metric `" + metric + "`")
          .label("not a metric")
          .help(helpOr(helpOr(Habits.metric(metric), Suggestions.help(metric, known)),
              "the metrics are " + quoted(new ArrayList<>(known))))
          .build());
      ok = false;
    } else if (task != null && !metrics(task).contains(metric)) {
      diagnostics.add(Diagnostic.error(Code.HYP060, objective.metric().span(), "`" + metric + "` does not fit a "
              + task.name().toLowerCase(java.util.Locale.ROOT) + " task")
          .label("a " + (task == Task.CLASSIFICATION ? "regression" : "classification") + " metric")
          .note("the output layer's loss makes this a " + task.name().toLowerCase(java.util.Locale.ROOT) + " task")
          .help("use one of " + quoted(metrics(task)))
          .build());
      ok = false;
    }
    if (!Builtins.SPLITS.contains(split)) {
      diagnostics.add(Diagnostic.error(Code.HYP012, objective.split().span(), "unknown split `" + split + "`")
          .label("not a split")
          .help(helpOr(Suggestions.help(split, Builtins.SPLITS), "measure `on validation` or `on test`"))
          .build());
      ok = false;
    } else if (split.equals("test") && data != null && !data.hasTest()) {
      diagnostics.add(Diagnostic.error(Code.HYP064, objective.split().span(), "the objective is measured on `test`, "
              + "but the data keeps no test rows")
          .label("no test split")
          .help("add `test = 0.1` to `holdout(...)` or `test = csv(...)` to `data`, or measure `on validation`")
          .build());
      ok = false;
    }
    return ok ? Optional.of(new Objective(objective.maximize(), metric, split)) : Optional.empty();
  }

  private static List<String> metrics(Task task) {
    return task == Task.CLASSIFICATION ? Builtins.CLASSIFICATION_METRICS : Builtins.REGRESSION_METRICS;
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }

  private static String helpOr(String help, String fallback) {
    return help != null ? help : fallback;
  }
}
