package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.BooleanLiteral;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.DurationLiteral;
import dev.hyp.compiler.ast.Expression;
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
        .help(typeHelp(expression, place.type()))
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

  private static String typeHelp(Expression expression, Type type) {
    if (type == Type.INT && expression instanceof NumberLiteral n && !n.isInteger()) {
      return "write a whole number such as `" + Math.max(1, Math.round(n.value())) + "`";
    }
    if (type == Type.DURATION && expression instanceof NumberLiteral) {
      return "add a unit: `30s`, `10m` or `2h`";
    }
    if (type == Type.STRING && expression instanceof Name n) {
      return "put it in quotes: `\"" + n.name() + "\"`";
    }
    List<Signature> functions = Builtins.functions(type);
    if (!functions.isEmpty()) {
      return "for example `" + functions.get(0).name() + "(...)`";
    }
    return null;
  }
}
