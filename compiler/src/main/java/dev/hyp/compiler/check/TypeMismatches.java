package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.BooleanLiteral;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.DurationLiteral;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.ListLiteral;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.ast.NumberLiteral;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.print.ExpressionPrinter;
import java.util.List;
import java.util.Optional;

/** Reports an expression of the wrong kind for its place, saying what was found and how to write it. */
final class TypeMismatches {
  private final Diagnostics diagnostics;

  TypeMismatches(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Always empty, after reporting. */
  Optional<Value> report(Expression expression, Place place) {
    diagnostics.add(Diagnostic.error(Code.HYP018, expression.span(), place.description() + " needs "
            + place.type().description() + ", found " + describe(expression))
        .label("wrong type")
        .help(typeHelp(expression, place))
        .build());
    return Optional.empty();
  }

  /** A name that resolved, but to the wrong kind of thing ("a loop variable"); always empty, after reporting. */
  Optional<Value> reportNamed(Name name, String what, Place place) {
    diagnostics.add(Diagnostic.error(Code.HYP018, name.span(), place.description() + " needs "
            + place.type().description() + ", found " + what + " `" + name.name() + "`")
        .label("wrong type")
        .build());
    return Optional.empty();
  }

  private static String describe(Expression expression) {
    if (expression instanceof NumberLiteral n) {
      return (n.isInteger() ? "the integer `" : "the number `") + n.text() + "`";
    }
    if (expression instanceof Negate && Literals.number(expression) != null) {
      return "the number `" + ExpressionPrinter.print(expression) + "`";
    }
    if (expression instanceof StringLiteral) {
      return "a string";
    }
    if (expression instanceof BooleanLiteral b) {
      return "`" + b.value() + "`";
    }
    if (expression instanceof DurationLiteral d) {
      return "the duration `" + d.text() + "`";
    }
    if (expression instanceof Call c) {
      return "a call of `" + c.callee().name() + "`";
    }
    if (expression instanceof Name n) {
      return "`" + n.name() + "`";
    }
    return "`" + ExpressionPrinter.print(expression) + "`";
  }

  private static String typeHelp(Expression expression, Place place) {
    Type type = place.type();
    if (expression instanceof Call c && DomainChecker.DISTRIBUTIONS.contains(c.callee().name())) {
      return searchSpaceHelp(c, place);
    }
    if (expression instanceof ListLiteral list && !list.elements().isEmpty()) {
      return listHelp(list, place);
    }
    if (expression instanceof Call c && c.arguments().isEmpty() && Builtins.symbols(type).contains(c.callee().name())) {
      return "write `" + c.callee().name() + "` without parentheses";
    }
    String written = writtenForType(expression, type);
    if (written != null) {
      return written;
    }
    if (type.isNumeric() && expression instanceof StringLiteral s
        && s.value().strip().matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return "write the number without quotes: `" + s.value() + "`";
    }
    if (type == Type.INT && expression instanceof NumberLiteral n && !n.isInteger()) {
      return "write a whole number such as `" + Math.max(1, Math.round(n.value())) + "`";
    }
    if (type == Type.DURATION && expression instanceof NumberLiteral) {
      return "add a unit: `30s`, `10m` or `2h`";
    }
    if (type == Type.STRING && expression instanceof Name n) {
      return "put it in quotes: `\"" + n.name() + "\"`";
    }
    if (type == Type.BOOLEAN && expression instanceof Name n && List.of("True", "False").contains(n.name())) {
      return "write `" + n.name().toLowerCase(java.util.Locale.ROOT) + "`";
    }
    List<Signature> functions = Builtins.functions(type);
    if (!functions.isEmpty()) {
      return "for example `" + functions.get(0).name() + "(...)`";
    }
    return null;
  }

  /** A plain value where hyp wants a call or a literal of its own: the call that holds it. */
  private static String writtenForType(Expression expression, Type type) {
    if (type == Type.DURATION && expression instanceof StringLiteral s && s.value().matches("\\d+[smh]")) {
      return "write the duration without quotes: `" + s.value() + "`";
    }
    if (type == Type.SOURCE && expression instanceof StringLiteral s) {
      return "name the file in a source: `csv(\"" + s.value() + "\", label = \"y\")`";
    }
    Double number = Literals.number(expression);
    if (type == Type.SPLIT && number != null && number > 0 && number < 1) {
      return "write `holdout(validation = " + ExpressionPrinter.print(expression) + ")`";
    }
    if (type == Type.EARLY_STOPPING && number != null) {
      return "write `patience(epochs = " + ExpressionPrinter.print(expression) + ")`";
    }
    return null;
  }

  /** A Python list where one value goes: the values are a `choice`, declared in `params`. */
  private static String listHelp(ListLiteral list, Place place) {
    String name = place.parameter().name();
    String values = String.join(", ", list.elements().stream().map(ExpressionPrinter::print).toList());
    if (!place.parametersAllowed()) {
      return "`" + name + "` takes one value here, not a list";
    }
    return "declare the values in `params` as `" + name + " = choice(" + values + ")` and write `" + name + " = "
        + name + "` here";
  }

  /** A search space written where a value goes: it belongs in `params`, under a name used here. */
  private static String searchSpaceHelp(Call call, Place place) {
    String name = place.parameter().name();
    String space = ExpressionPrinter.print(call);
    if (!place.parametersAllowed()) {
      return "`" + name + "` takes one fixed value here, not a search space";
    }
    return "declare the search space in `params` as `" + name + " = " + space + "` and write `" + name + " = "
        + name + "` here";
  }
}
