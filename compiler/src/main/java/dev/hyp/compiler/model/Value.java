package dev.hyp.compiler.model;

import dev.hyp.compiler.source.Span;
import java.util.List;
import java.util.Map;

/**
 * A checked value "as meant": names resolved to parameters, loop variables or symbols,
 * positional arguments resolved to names. What may vary from trial to trial is explicit.
 *
 * <p>Every value carries the span of the text it came from, so later passes point at it
 * without going back to the syntax tree. A value in parentheses spans them. A default the
 * checker filled in spans what implies it: the call that left an argument out, the loss that
 * implies an output's activation, the reference a conditional parameter's fallback stands in
 * for. A setting left out of its section has no text at all: {@link Span#NONE}.
 */
public sealed interface Value {

  Span span();

  /**
   * A value written in the spec (or a default standing in for one). One record per kind of
   * the language, so a reader never has to ask an {@code Object} what it is.
   */
  sealed interface Literal extends Value {}

  /** A number, whole or not: what arithmetic and ranges work on. */
  sealed interface Numeric extends Literal {
    double asDouble();
  }

  /** A whole number as written (`3`), or arithmetic over whole numbers without `/`. */
  record IntLiteral(long value, Span span) implements Numeric {
    @Override
    public double asDouble() {
      return value;
    }
  }

  /** A number with a fraction or exponent (`0.5`, `1e-3`), or arithmetic that gives one. */
  record NumberLiteral(double value, Span span) implements Numeric {
    @Override
    public double asDouble() {
      return value;
    }
  }

  record StringLiteral(String value, Span span) implements Literal {}

  record BooleanLiteral(boolean value, Span span) implements Literal {}

  /** `30s`, `10m`, `2h`, in seconds. */
  record DurationLiteral(long seconds, Span span) implements Literal {}

  /** A name of the language such as `relu`, `adam` or `standard`, in lower case. */
  record Symbol(String name, Span span) implements Value {}

  /** A scalar parameter, such as `lr`. */
  record ParamRef(String name, Span span) implements Value {}

  /** One element of a per-layer parameter, such as `units[i]`; elements are numbered from 1. */
  record LayerParamRef(String name, Value index, Span span) implements Value {}

  /**
   * A conditional parameter where it may be left out: its value in trials where it exists,
   * otherwise {@code otherwise} (the place's default), or nothing at all when that is null
   * (the argument is not passed and the callee's own default applies).
   */
  record IfPresent(Value value, Value otherwise, Span span) implements Value {}

  /** The variable of an enclosing `for` loop. */
  record LoopVariable(String name, Span span) implements Value {}

  record Arithmetic(char operator, Value left, Value right, Span span) implements Value {}

  record Negation(Value operand, Span span) implements Value {}

  /**
   * A call such as `adam(lr = 0.01)` or `opt(lr = lr)`, whose callee is a symbol or a
   * parameter choosing among symbols. Arguments are by name, in the order written.
   */
  record Invocation(Value callee, Map<String, Value> arguments, Span span) implements Value {
    public Invocation {
      arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }
  }

  static IntLiteral of(long value, Span span) {
    return new IntLiteral(value, span);
  }

  static NumberLiteral of(double value, Span span) {
    return new NumberLiteral(value, span);
  }

  static Symbol symbol(String name, Span span) {
    return new Symbol(name, span);
  }

  /** The same value as written somewhere else: for a value in parentheses, which spans them. */
  default Value at(Span span) {
    if (this instanceof IntLiteral l) {
      return new IntLiteral(l.value(), span);
    } else if (this instanceof NumberLiteral l) {
      return new NumberLiteral(l.value(), span);
    } else if (this instanceof StringLiteral l) {
      return new StringLiteral(l.value(), span);
    } else if (this instanceof BooleanLiteral l) {
      return new BooleanLiteral(l.value(), span);
    } else if (this instanceof DurationLiteral l) {
      return new DurationLiteral(l.seconds(), span);
    } else if (this instanceof Symbol s) {
      return new Symbol(s.name(), span);
    } else if (this instanceof ParamRef p) {
      return new ParamRef(p.name(), span);
    } else if (this instanceof LayerParamRef l) {
      return new LayerParamRef(l.name(), l.index(), span);
    } else if (this instanceof IfPresent i) {
      return new IfPresent(i.value(), i.otherwise(), span);
    } else if (this instanceof LoopVariable v) {
      return new LoopVariable(v.name(), span);
    } else if (this instanceof Arithmetic a) {
      return new Arithmetic(a.operator(), a.left(), a.right(), span);
    } else if (this instanceof Negation n) {
      return new Negation(n.operand(), span);
    }
    Invocation i = (Invocation) this;
    return new Invocation(i.callee(), i.arguments(), span);
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
