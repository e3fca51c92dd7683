package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The defaults of a signature's parameters as checked values. */
final class Defaults {
  private Defaults() {}

  /**
   * A parameter's default as a value spanning {@code at} (the call or place that left it out);
   * null when it has none. A name such as `relu` is a symbol unless the place wants a string.
   */
  static Value of(Signature.Parameter parameter, Span at) {
    Object value = parameter.defaultValue();
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return parameter.type() == Type.STRING ? new Value.StringLiteral(s, at) : Value.symbol(s, at);
    }
    if (value instanceof Boolean b) {
      return new Value.BooleanLiteral(b, at);
    }
    if (value instanceof Double || value instanceof Float) {
      return Value.of(((Number) value).doubleValue(), at);
    }
    long whole = ((Number) value).longValue();
    return parameter.type() == Type.DURATION ? new Value.DurationLiteral(whole, at) : Value.of(whole, at);
  }

  /**
   * The arguments given, then every optional argument's default (spanning {@code call});
   * empty when a required one is missing.
   */
  static Optional<Map<String, Value>> complete(Signature signature, Map<String, Value> given, Span call) {
    Map<String, Value> all = new LinkedHashMap<>();
    for (Signature.Parameter parameter : signature.parameters()) {
      Value value = given.get(parameter.name());
      if (value == null && parameter.required()) {
        return Optional.empty();
      }
      if (value == null) {
        value = of(parameter, call);
      }
      if (value != null) {
        all.put(parameter.name(), value);
      }
    }
    return Optional.of(all);
  }
}
