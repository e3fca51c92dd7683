package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checked values with every span set to {@link Span#NONE}, to compare what they mean with an
 * expected value written in a test (where they were written is tested on its own).
 */
final class Unspanned {
  private Unspanned() {}

  static Value of(Value value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Value.LayerParamRef l) {
      return new Value.LayerParamRef(l.name(), of(l.index()), Span.NONE);
    } else if (value instanceof Value.IfPresent i) {
      return new Value.IfPresent(of(i.value()), of(i.otherwise()), Span.NONE);
    } else if (value instanceof Value.Arithmetic a) {
      return new Value.Arithmetic(a.operator(), of(a.left()), of(a.right()), Span.NONE);
    } else if (value instanceof Value.Negation n) {
      return new Value.Negation(of(n.operand()), Span.NONE);
    } else if (value instanceof Value.Invocation i) {
      return new Value.Invocation(of(i.callee()), of(i.arguments()), Span.NONE);
    }
    return value.at(Span.NONE);
  }

  static Map<String, Value> of(Map<String, Value> values) {
    Map<String, Value> unspanned = new LinkedHashMap<>();
    values.forEach((name, value) -> unspanned.put(name, of(value)));
    return unspanned;
  }
}
