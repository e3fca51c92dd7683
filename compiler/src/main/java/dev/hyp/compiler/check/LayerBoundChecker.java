package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.source.Span;
import java.util.Optional;

/**
 * Checks `units[depth]`: depth is an earlier int parameter that always exists, or a positive
 * whole number, and allows at most {@link #MAX_LAYERS} layers. Empty after reporting.
 */
final class LayerBoundChecker {
  static final int MAX_LAYERS = 1000;

  /** The bound's parameter (null for a number) and the most layers it allows. */
  record LayerBound(String name, int max) {}

  private final Diagnostics diagnostics;
  private final ParamTable table;

  LayerBoundChecker(Diagnostics diagnostics, ParamTable table) {
    this.diagnostics = diagnostics;
    this.table = table;
  }

  /** The bound of a per-layer parameter's declaration. */
  Optional<LayerBound> check(Setting setting) {
    Expression bound = setting.bound();
    Double literal = Literals.number(bound);
    if (literal != null && Literals.isInteger(bound) && literal >= 1) {
      return checked(null, literal, bound.span());
    }
    if (bound instanceof Name n && table.isBroken(n.name())) {
      return Optional.empty();
    }
    if (bound instanceof Name n && table.contains(n.name())) {
      ParamInfo parameter = table.get(n.name());
      if (parameter.kind == ParamInfo.Kind.INT && !parameter.isConditional() && !parameter.isPerLayer()
          && parameter.min >= 0) {
        parameter.markUsed();
        return checked(n.name(), parameter.max, bound.span());
      }
    }
    diagnostics.add(Diagnostic.error(Code.HYP039, bound.span(), "the number of layers of `" + setting.name().name()
            + "` must be an integer parameter or a whole number")
        .label(bound instanceof Name n && !table.contains(n.name()) ? "unknown parameter" : "not a layer count")
        .help("declare the count first, for example `depth = int(1, 3)`, then write `" + setting.name().name()
            + "[depth] = ...`")
        .build());
    return Optional.empty();
  }

  private Optional<LayerBound> checked(String name, double max, Span at) {
    if (max > MAX_LAYERS) {
      diagnostics.add(Diagnostic.error(Code.HYP039, at, "up to " + Builtins.format(max) + " layers is too many")
          .label("at most " + MAX_LAYERS)
          .build());
      return Optional.empty();
    }
    return Optional.of(new LayerBound(name, (int) max));
  }
}
