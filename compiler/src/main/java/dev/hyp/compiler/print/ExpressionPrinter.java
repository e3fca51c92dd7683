package dev.hyp.compiler.print;

import dev.hyp.compiler.ast.AndCondition;
import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Binary;
import dev.hyp.compiler.ast.BooleanLiteral;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.Comparison;
import dev.hyp.compiler.ast.Condition;
import dev.hyp.compiler.ast.DurationLiteral;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.ListLiteral;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.ast.NotCondition;
import dev.hyp.compiler.ast.NumberLiteral;
import dev.hyp.compiler.ast.OrCondition;
import dev.hyp.compiler.ast.ParenCondition;
import dev.hyp.compiler.ast.ParenExpression;
import dev.hyp.compiler.ast.StringLiteral;
import java.util.stream.Collectors;

/** Prints expressions and conditions back to `.hyp` text on one line, as written. */
public final class ExpressionPrinter {
  private ExpressionPrinter() {}

  public static String print(Expression expression) {
    if (expression instanceof NumberLiteral n) {
      return n.text();
    } else if (expression instanceof DurationLiteral d) {
      return d.text();
    } else if (expression instanceof StringLiteral s) {
      return quote(s.value());
    } else if (expression instanceof BooleanLiteral b) {
      return String.valueOf(b.value());
    } else if (expression instanceof Name n) {
      return n.name();
    } else if (expression instanceof IndexExpression i) {
      return i.name().name() + "[" + print(i.index()) + "]";
    } else if (expression instanceof Call c) {
      return call(c);
    } else if (expression instanceof Binary b) {
      return print(b.left()) + " " + b.operator().symbol() + " " + print(b.right());
    } else if (expression instanceof Negate n) {
      return "-" + print(n.operand());
    } else if (expression instanceof ListLiteral l) {
      return "[" + l.elements().stream().map(ExpressionPrinter::print).collect(Collectors.joining(", ")) + "]";
    }
    return "(" + print(((ParenExpression) expression).inner()) + ")";
  }

  public static String print(Condition condition) {
    if (condition instanceof Comparison c) {
      return print(c.left()) + " " + c.operator().symbol() + " " + print(c.right());
    } else if (condition instanceof AndCondition a) {
      return print(a.left()) + " and " + print(a.right());
    } else if (condition instanceof OrCondition o) {
      return print(o.left()) + " or " + print(o.right());
    } else if (condition instanceof NotCondition n) {
      return "not " + print(n.operand());
    }
    return "(" + print(((ParenCondition) condition).inner()) + ")";
  }

  public static String call(Call call) {
    return call.callee().name() + "("
        + call.arguments().stream().map(ExpressionPrinter::argument).collect(Collectors.joining(", ")) + ")";
  }

  private static String argument(Argument argument) {
    String value = print(argument.value());
    return argument.isNamed() ? argument.name().name() + " = " + value : value;
  }

  /** A string literal with the language's escapes. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
