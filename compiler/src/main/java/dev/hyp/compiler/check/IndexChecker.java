package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Value;
import java.util.Optional;

/**
 * Proves that `units[i]` exists whenever it is read: the index is at least 1 and never
 * exceeds the per-layer bound in any trial (for instance `for i in 1..depth` over `units[depth]`).
 * Empty after reporting.
 */
final class IndexChecker {
  private final Diagnostics diagnostics;
  private final ParamTable params;

  IndexChecker(Diagnostics diagnostics, ParamTable params) {
    this.diagnostics = diagnostics;
    this.params = params;
  }

  Optional<Value> check(IndexExpression index, ParamInfo parameter, Scope scope) {
    Expression position = index.index();
    String bound = parameter.spec.layerBound();
    double fewest = bound == null ? parameter.spec.maxLayers() : params.get(bound).min;
    String boundText = bound == null ? String.valueOf(parameter.spec.maxLayers()) : "`" + bound + "`";
    Double literal = Literals.number(position);
    if (literal != null && Literals.isInteger(position)) {
      if (literal < 1 || literal > fewest) {
        diagnostics.add(exceeds(index, literal < 1 ? "layers are numbered from 1" : "`" + parameter.name()
            + "` has " + boundText + " elements, which can be " + Builtins.format(fewest), parameter));
        return Optional.empty();
      }
      return Optional.of(Value.of(literal.longValue(), position.span()));
    }
    if (!(position instanceof Name name) || scope.loop(name.name()) == null) {
      diagnostics.add(Diagnostic.error(Code.HYP037, position.span(), "the index of `" + parameter.name()
              + "` must be a loop variable or a whole number")
          .label(position instanceof Name n && !params.contains(n.name()) ? "unknown name" : "not a loop variable")
          .help("write `for i in 1.." + (bound == null ? parameter.spec.maxLayers() : bound) + " { ... "
              + parameter.name() + "[i] ... }`")
          .build());
      return Optional.empty();
    }
    Scope.Loop loop = scope.loop(name.name());
    Double lowest = least(loop.from());
    if (lowest == null || lowest < 1) {
      diagnostics.add(exceeds(index, "`" + name.name() + "` can be " + (lowest == null ? "below 1" : Builtins.format(lowest))
          + ", but layers are numbered from 1", parameter));
      return Optional.empty();
    }
    boolean boundedBySameParameter = bound != null && loop.to() instanceof Value.ParamRef p && p.name().equals(bound);
    Double highest = most(loop.to());
    if (!boundedBySameParameter && (highest == null || highest > fewest)) {
      String reach = highest == null ? "an unknown number" : Builtins.format(highest);
      diagnostics.add(exceeds(index, "`" + name.name() + "` can reach " + reach + ", but `" + parameter.name() + "` has "
          + boundText + " elements, which can be " + Builtins.format(fewest), parameter));
      return Optional.empty();
    }
    return Optional.of(new Value.LoopVariable(name.name(), name.span()));
  }

  private Diagnostic exceeds(IndexExpression index, String why, ParamInfo parameter) {
    String bound = parameter.spec.layerBound();
    return Diagnostic.error(Code.HYP037, index.span(), "`" + index.name().name() + "[" + indexText(index)
            + "]` can be out of bounds")
        .label(why)
        .help(bound == null
            ? "keep the index between 1 and " + parameter.spec.maxLayers()
            : "loop up to the bound: `for i in 1.." + bound + " { ... }`")
        .build();
  }

  private static String indexText(IndexExpression index) {
    return dev.hyp.compiler.print.ExpressionPrinter.print(index.index());
  }

  /** The smallest value an integer expression can take, when known. */
  private Double least(Value value) {
    if (value instanceof Value.Numeric n) {
      return n.asDouble();
    }
    if (value instanceof Value.ParamRef p && params.get(p.name()) != null) {
      return params.get(p.name()).min;
    }
    return null;
  }

  private Double most(Value value) {
    if (value instanceof Value.Numeric n) {
      return n.asDouble();
    }
    if (value instanceof Value.ParamRef p && params.get(p.name()) != null) {
      return params.get(p.name()).max;
    }
    return null;
  }
}
