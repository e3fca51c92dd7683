package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.ParamCondition;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.print.ExpressionPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the `params` section and builds the table of parameters the other sections use:
 * each declaration's values ({@link DomainChecker}), condition ({@link ConditionChecker})
 * and number of layers ({@link LayerBoundChecker}).
 */
final class ParamChecker {
  private final Diagnostics diagnostics;
  private final ParamTable table = new ParamTable();
  private final DomainChecker domains;
  private final LayerBoundChecker bounds;

  ParamChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.domains = new DomainChecker(diagnostics, table);
    this.bounds = new LayerBoundChecker(diagnostics, table);
  }

  ParamTable check(Block params) {
    if (params == null) {
      return table;
    }
    List<Setting> declarations = new ArrayList<>();
    for (Member member : params.members()) {
      if (member instanceof Setting setting) {
        declarations.add(setting);
      } else {
        diagnostics.add(Diagnostic.error(Code.HYP021, member.span(), "only parameters can be declared in `params`")
            .label("not a parameter")
            .help("declare parameters as `name = uniform(lo, hi)`, `name = choice(a, b)` or `name = constant`")
            .build());
      }
    }
    ConditionChecker conditions = new ConditionChecker(diagnostics, table, declarations);
    for (int order = 0; order < declarations.size(); order++) {
      Setting setting = declarations.get(order);
      boolean duplicate = table.contains(setting.name().name());
      if (!declared(setting, order, conditions) && !duplicate) {
        table.markBroken(setting.name().name());
      }
    }
    return table;
  }

  /** Adds the parameter to the table; false when it had a problem (reported). */
  private boolean declared(Setting setting, int order, ConditionChecker conditions) {
    String name = setting.name().name();
    if (table.contains(name)) {
      diagnostics.add(Diagnostic.error(Code.HYP033, setting.name().span(), "parameter `" + name + "` is declared twice")
          .label("declared again here")
          .secondary(table.get(name).nameSpan, "first declared here")
          .help("remove one of them, or rename it")
          .build());
      return true;
    }
    Optional<Domain> domain = domains.check(setting.value());
    // the condition does not depend on the values: a problem in each is reported
    Optional<ParamCondition> checked = setting.when() == null ? Optional.empty()
        : conditions.check(setting.when(), setting, order);
    if (domain.isEmpty() || (setting.when() != null && checked.isEmpty())) {
      return false;
    }
    ParamCondition condition = checked.orElse(null);
    String bound = null;
    int maxLayers = 0;
    if (setting.bound() != null) {
      Optional<LayerBoundChecker.LayerBound> layerBound = bounds.check(setting);
      if (layerBound.isEmpty()) {
        return false;
      }
      bound = layerBound.get().name();
      maxLayers = layerBound.get().max();
    }
    String conditionText = setting.when() == null ? null : ExpressionPrinter.print(setting.when());
    ParamSpec spec = new ParamSpec(name, domain.get().distribution(), condition, bound, maxLayers, conditionText);
    Domain values = domain.get();
    table.add(new ParamInfo(spec, setting.name().span(), setting.value().span(),
        setting.when() == null ? null : setting.when().span(), order, values.kind(), values.values(),
        values.valueSpans(), values.min(), values.max()));
    return true;
  }
}
