package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Objective;
import dev.hyp.runtime.report.PickRule;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.ObjectiveName;
import java.util.List;
import java.util.Optional;

/**
 * `pick = "min params where accuracy >= best - 0.01"`: a rule {@link PickRule} reads, over the
 * spec's own objectives, in a search with several of them (it chooses from their Pareto front).
 */
final class PickChecker {
  private static final String EXAMPLE = "min params where accuracy >= best - 0.01";

  private PickChecker() {}

  /** The rule, or empty after reporting why it cannot be one. */
  static Optional<String> check(Setting written, String rule, List<Objective> objectives, Diagnostics diagnostics) {
    if (objectives.size() < 2) {
      diagnostics.add(Diagnostic.error(Code.HYP051, written.span(),
              "`pick` chooses from the Pareto front of several objectives, and this spec has one")
          .label("one objective to pick by")
          .help("remove `pick` (the best trial is the objective's best), or add an objective:"
              + " `objective = maximize accuracy on validation, minimize params`")
          .build());
      return Optional.empty();
    }
    List<ObjectiveName> names = objectives.stream().map(o -> new ObjectiveName(o.metric(), o.split(),
        o.maximize() ? Direction.MAXIMIZE : Direction.MINIMIZE)).toList();
    try {
      PickRule.parse(rule, names);
      return Optional.of(rule.trim());
    } catch (IllegalArgumentException e) {
      diagnostics.add(Diagnostic.error(Code.HYP051, written.value().span(), "bad `pick` rule: " + e.getMessage())
          .label("not a rule")
          .help("write `(min|max) MEASURE [where MEASURE (<=|>=|<|>) (NUMBER|best [+|- NUMBER]) {and ...}]`, as in `"
              + EXAMPLE + "`; the measures are " + String.join(", ", names.stream()
                  .map(n -> "`" + n.column() + "`").toList()))
          .build());
      return Optional.empty();
    }
  }
}
