package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.AndCondition;
import dev.hyp.compiler.ast.Comparison;
import dev.hyp.compiler.ast.Condition;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.NotCondition;
import dev.hyp.compiler.ast.OrCondition;
import dev.hyp.compiler.ast.ParenCondition;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.ParamCondition;
import dev.hyp.compiler.print.ExpressionPrinter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the condition of a conditional parameter (`... if opt == nesterovs`): it compares
 * parameters declared above, neither itself nor per-layer ones, with values they can take.
 * Empty after reporting.
 */
final class ConditionChecker {
  private final Diagnostics diagnostics;
  private final ParamTable table;
  private final List<Setting> declarations;
  /** Where each name is first declared in `params`, to tell "declared later" from "unknown". */
  private final Map<String, Integer> declarationOrder = new HashMap<>();

  ConditionChecker(Diagnostics diagnostics, ParamTable table, List<Setting> declarations) {
    this.diagnostics = diagnostics;
    this.table = table;
    this.declarations = declarations;
    for (int order = 0; order < declarations.size(); order++) {
      declarationOrder.putIfAbsent(declarations.get(order).name().name(), order);
    }
  }

  /** The condition of {@code owner}, the parameter declared at {@code order}. */
  Optional<ParamCondition> check(Condition condition, Setting owner, int order) {
    if (condition instanceof ParenCondition p) {
      return check(p.inner(), owner, order);
    }
    if (condition instanceof NotCondition n) {
      return check(n.operand(), owner, order).map(ParamCondition.Not::new);
    }
    if (condition instanceof AndCondition a) {
      Optional<ParamCondition> left = check(a.left(), owner, order);
      Optional<ParamCondition> right = check(a.right(), owner, order);
      return left.isEmpty() || right.isEmpty() ? Optional.empty()
          : Optional.of(new ParamCondition.And(left.get(), right.get()));
    }
    if (condition instanceof OrCondition o) {
      Optional<ParamCondition> left = check(o.left(), owner, order);
      Optional<ParamCondition> right = check(o.right(), owner, order);
      return left.isEmpty() || right.isEmpty() ? Optional.empty()
          : Optional.of(new ParamCondition.Or(left.get(), right.get()));
    }
    return comparison((Comparison) condition, owner, order);
  }

  private Optional<ParamCondition> comparison(Comparison comparison, Setting owner, int order) {
    Expression left = comparison.left();
    Expression right = comparison.right();
    String operator = comparison.operator().symbol();
    if (!(left instanceof Name) || !isParameterName(((Name) left).name())) {
      if (right instanceof Name r && isParameterName(r.name())) {
        Expression swap = left;
        left = right;
        right = swap;
        operator = mirrored(operator);
      }
    }
    if (!(left instanceof Name subject)) {
      diagnostics.add(Diagnostic.error(Code.HYP035, comparison.span(), "a condition must compare a parameter")
          .label("no parameter here")
          .help("write it as `parameter == value`, for example `opt == nesterovs`")
          .build());
      return Optional.empty();
    }
    Optional<ParamInfo> found = subject(subject, owner, order);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ParamInfo parameter = found.get();
    parameter.markUsed();
    Optional<PlainValue> plain = right instanceof Name n && table.contains(n.name()) ? Optional.empty()
        : PlainValue.of(right);
    if (plain.isEmpty()) {
      diagnostics.add(Diagnostic.error(Code.HYP018, right.span(), "a condition compares a parameter with a value")
          .label("not a plain value")
          .build());
      return Optional.empty();
    }
    PlainValue value = plain.get();
    boolean ordered = !operator.equals("==") && !operator.equals("!=");
    if (ordered && !parameter.isNumeric()) {
      diagnostics.add(Diagnostic.error(Code.HYP018, comparison.span(), "`" + subject.name() + "` is "
              + parameter.kind.description() + " and can only be compared with `==` or `!=`")
          .label("`" + operator + "` needs numbers")
          .build());
      return Optional.empty();
    }
    boolean compatible = parameter.isNumeric() ? value.isNumeric() : parameter.kind == value.kind();
    if (!compatible) {
      diagnostics.add(Diagnostic.error(Code.HYP040, right.span(), "`" + subject.name() + "` is "
              + parameter.kind.description() + ", never " + value.kind().description())
          .label("this can never equal `" + subject.name() + "`")
          .build());
      return Optional.empty();
    }
    if (parameter.values != null && !ordered && PlainValue.indexOfEqual(parameter.values, value.value()) < 0) {
      diagnostics.add(Diagnostic.error(Code.HYP040, right.span(), "`" + subject.name() + "` is never `"
              + ExpressionPrinter.print(right) + "`")
          .label("not one of its values")
          .secondary(parameter.valueSpan, "`" + subject.name() + "` is declared here")
          .help(helpOr(Suggestions.help(String.valueOf(value.value()),
                  parameter.values.stream().map(String::valueOf).toList()),
              "its values are " + PlainValue.describe(parameter.values)))
          .build());
      return Optional.empty();
    }
    return Optional.of(new ParamCondition.Compare(subject.name(), operator, value.value()));
  }

  /** The parameter a condition compares: declared above, and neither the owner nor per-layer. */
  private Optional<ParamInfo> subject(Name subject, Setting owner, int order) {
    String name = subject.name();
    if (name.equals(owner.name().name())) {
      diagnostics.add(Diagnostic.error(Code.HYP036, subject.span(), "the condition of `" + name + "` depends on `"
              + name + "` itself")
          .label("a parameter cannot decide whether it exists")
          .build());
      return Optional.empty();
    }
    ParamInfo parameter = table.get(name);
    if (parameter != null && parameter.isPerLayer()) {
      diagnostics.add(Diagnostic.error(Code.HYP021, subject.span(), "a condition cannot use the per-layer parameter `"
              + name + "`")
          .label("per-layer")
          .build());
      return Optional.empty();
    }
    if (parameter != null) {
      return Optional.of(parameter);
    }
    int later = declaredAt(name);
    if (later > order) {
      diagnostics.add(Diagnostic.error(Code.HYP036, subject.span(), "condition on `" + name
              + "`, which is declared later")
          .label("declared below")
          .secondary(declarations.get(later).name().span(), "`" + name + "` is declared here")
          .help("declare `" + name + "` before `" + owner.name().name() + "`")
          .build());
      return Optional.empty();
    }
    if (later >= 0) {
      return Optional.empty(); // declared earlier but invalid: already reported
    }
    diagnostics.add(Diagnostic.error(Code.HYP035, subject.span(), "condition on an unknown parameter `" + name + "`")
        .label("not a parameter")
        .help(helpOr(Suggestions.help(name, table.names()), "conditions compare parameters declared above"))
        .build());
    return Optional.empty();
  }

  private boolean isParameterName(String name) {
    return declaredAt(name) >= 0;
  }

  private int declaredAt(String name) {
    return declarationOrder.getOrDefault(name, -1);
  }

  private static String mirrored(String operator) {
    return switch (operator) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> operator;
    };
  }

  private static String helpOr(String help, String fallback) {
    return help != null ? help : fallback;
  }
}
