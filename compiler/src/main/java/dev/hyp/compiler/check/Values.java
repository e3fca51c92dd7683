package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;

/** Small readers of checked values whose place allows no parameters, so they are literals. */
final class Values {
  private Values() {}

  static long longOf(Value value) {
    return ((Number) ((Value.Literal) value).value()).longValue();
  }

  static double doubleOf(Value value) {
    return ((Number) ((Value.Literal) value).value()).doubleValue();
  }

  static String stringOf(Value value) {
    return (String) ((Value.Literal) value).value();
  }

  static boolean booleanOf(Value value) {
    return (Boolean) ((Value.Literal) value).value();
  }

  static String calleeOf(Value value) {
    return ((Value.Symbol) ((Value.Invocation) value).callee()).name();
  }

  static Value argument(Value invocation, String name) {
    return ((Value.Invocation) invocation).arguments().get(name);
  }

  /** Where an argument of a call was written (by name or by position), or the whole call. */
  static Span argumentSpan(Expression expression, Signature signature, String name) {
    if (!(expression instanceof Call call)) {
      return expression.span();
    }
    int position = 0;
    for (Argument argument : call.arguments()) {
      String bound = argument.isNamed() ? argument.name().name()
          : position < signature.parameters().size() ? signature.parameters().get(position).name() : null;
      if (!argument.isNamed()) {
        position++;
      }
      if (name.equals(bound)) {
        return argument.value().span();
      }
    }
    return call.span();
  }
}
