package dev.hyp.compiler.model;

import java.util.List;
import java.util.Map;

/**
 * A checked value "as meant": names resolved to parameters, loop variables or symbols,
 * positional arguments resolved to names. What may vary from trial to trial is explicit.
 */
public sealed interface Value {

  /** A number (Long or Double), a String or a Boolean. */
  record Literal(Object value) implements Value {}

  /** A name of the language such as `relu`, `adam` or `standard`, in lower case. */
  record Symbol(String name) implements Value {}

  /** A scalar parameter, such as `lr`. */
  record ParamRef(String name) implements Value {}

  /** One element of a per-layer parameter, such as `units[i]`; elements are numbered from 1. */
  record LayerParamRef(String name, Value index) implements Value {}

  /**
   * A conditional parameter where it may be left out: its value in trials where it exists,
   * otherwise {@code otherwise} (the place's default), or nothing at all when that is null
   * (the argument is not passed and the callee's own default applies).
   */
  record IfPresent(Value value, Value otherwise) implements Value {}

  /** The variable of an enclosing `for` loop. */
  record LoopVariable(String name) implements Value {}

  record Arithmetic(char operator, Value left, Value right) implements Value {}

  record Negation(Value operand) implements Value {}

  /**
   * A call such as `adam(lr = 0.01)` or `opt(lr = lr)`, whose callee is a symbol or a
   * parameter choosing among symbols. Arguments are by name, in the order written.
   */
  record Invocation(Value callee, Map<String, Value> arguments) implements Value {
    public Invocation {
      arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }
  }

  static Value of(long value) {
    return new Literal(value);
  }

  static Value of(double value) {
    return new Literal(value);
  }

  static Value symbol(String name) {
    return new Symbol(name);
  }

  /** The parameters this value reads, in order of appearance. */
  default List<String> parameters() {
    java.util.List<String> names = new java.util.ArrayList<>();
    collectParameters(this, names);
    return names;
  }

  private static void collectParameters(Value value, List<String> names) {
    if (value instanceof ParamRef p) {
      names.add(p.name());
    } else if (value instanceof LayerParamRef l) {
      names.add(l.name());
      collectParameters(l.index(), names);
    } else if (value instanceof Arithmetic a) {
      collectParameters(a.left(), names);
      collectParameters(a.right(), names);
    } else if (value instanceof Negation n) {
      collectParameters(n.operand(), names);
    } else if (value instanceof IfPresent i) {
      collectParameters(i.value(), names);
    } else if (value instanceof Invocation i) {
      collectParameters(i.callee(), names);
      i.arguments().values().forEach(v -> collectParameters(v, names));
    }
  }
}
