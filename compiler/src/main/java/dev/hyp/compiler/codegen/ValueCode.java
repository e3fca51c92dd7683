package dev.hyp.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.model.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Java expressions for checked values, read from `p` (the trial's parameter record) and the
 * loop variables in scope (ints). Whole numbers are longs, as in the spec; sizes become ints at
 * the call with a checked conversion. Names of the vocabulary become its constants.
 */
final class ValueCode {
  static final ClassName NUMBERS = ClassName.get("dev.hyp.runtime.experiment", "Numbers");
  private static final TypeName STRING = ClassName.get(String.class);

  /** An expression and its Java type (boxed when it may be null). */
  record Typed(CodeBlock code, TypeName type) {}

  private final ParamTypes types;
  private final JavaNames names;
  private final Map<String, String> loopVariables;

  ValueCode(ParamTypes types, JavaNames names, Map<String, String> loopVariables) {
    this.types = types;
    this.names = names;
    this.loopVariables = loopVariables;
  }

  ValueCode withLoop(String variable, String javaName) {
    Map<String, String> inner = new LinkedHashMap<>(loopVariables);
    inner.put(variable, javaName);
    return new ValueCode(types, names, inner);
  }

  /** Recursive over the value: the parser bounds every expression's depth (NestingLimit, ExpressionSize). */
  Typed typed(Value value) {
    if (value instanceof Value.IntLiteral l) { // boxed: a bare long would pick Literals.of(double)
      return new Typed(Literals.of(Long.valueOf(l.value())), TypeName.LONG);
    }
    if (value instanceof Value.NumberLiteral l) {
      return new Typed(Literals.of(l.value()), TypeName.DOUBLE);
    }
    if (value instanceof Value.BooleanLiteral l) {
      return new Typed(Literals.of(Boolean.valueOf(l.value())), TypeName.BOOLEAN);
    }
    if (value instanceof Value.StringLiteral l) {
      return new Typed(Literals.of(l.value()), STRING);
    }
    if (value instanceof Value.DurationLiteral l) {
      return new Typed(Literals.of(Long.valueOf(l.seconds())), TypeName.LONG);
    }
    if (value instanceof Value.Symbol s) {
      return new Typed(CodeBlock.of("$S", s.name()), STRING);
    }
    if (value instanceof Value.ParamRef r) {
      ParamSpec param = types.param(r.name());
      return new Typed(CodeBlock.of("p.$N()", names.parameter(r.name())), types.componentType(param));
    }
    if (value instanceof Value.LayerParamRef l) {
      ParamSpec param = types.param(l.name());
      return new Typed(CodeBlock.of("p.$N($L)", names.parameter(l.name()), intOf(l.index())),
          types.elementType(param));
    }
    if (value instanceof Value.LoopVariable v) {
      return new Typed(CodeBlock.of("$N", loopVariables.get(v.name())), TypeName.INT);
    }
    if (value instanceof Value.Negation n) {
      Typed operand = typed(n.operand());
      return new Typed(CodeBlock.of("-($L)", operand.code()), operand.type().unbox());
    }
    if (value instanceof Value.Arithmetic a) {
      return arithmetic(a);
    }
    if (value instanceof Value.IfPresent i) {
      return ifPresent(i);
    }
    throw new IllegalArgumentException("not a plain value: " + value);
  }

  /** An int argument (a size, a count). */
  CodeBlock intOf(Value value) {
    if (value instanceof Value.IntLiteral l && l.value() == (int) l.value()) {
      return CodeBlock.of("$L", l.value());
    }
    Typed typed = typed(value);
    if (typed.type().equals(TypeName.INT)) {
      return typed.code();
    }
    // a sum such as `(4L * i)` is an argument already: the call's parentheses are enough
    CodeBlock argument = value instanceof Value.Arithmetic a && a.operator() != '/'
        ? arithmetic(a, false).code() : typed.code();
    return typed.type().isPrimitive()
        ? CodeBlock.of("$T.toInt($L)", NUMBERS, argument)
        : CodeBlock.of("$T.toIntOrNull($L)", NUMBERS, argument);
  }

  CodeBlock code(Value value) {
    return typed(value).code();
  }

  /**
   * A name of the vocabulary: `Activation.RELU` for the symbol `relu`, `p.act()` for a parameter
   * typed {@code Activation}, `Activation.of(p.name())` for one that names several kinds.
   */
  CodeBlock term(Value value, SymbolKind kind) {
    if (value == null) {
      return CodeBlock.of("null");
    }
    if (value instanceof Value.Symbol s) {
      return kind.constant(s.name());
    }
    if (value instanceof Value.IfPresent i && !(i.value() instanceof Value.LayerParamRef)) {
      CodeBlock present = term(i.value(), kind);
      return i.otherwise() == null ? present
          : CodeBlock.of("($L != null ? $L : $L)", code(i.value()), present, term(i.otherwise(), kind));
    }
    Typed typed = typed(value);
    return typed.type().equals(kind.type()) ? typed.code() : kind.parse(typed.code());
  }

  private Typed arithmetic(Value.Arithmetic a) {
    return arithmetic(a, true);
  }

  /** {@code parenthesized}: as an operand, in parentheses; as a whole argument, without. */
  private Typed arithmetic(Value.Arithmetic a, boolean parenthesized) {
    Typed left = typed(a.left());
    Typed right = typed(a.right());
    boolean whole = whole(left.type()) && whole(right.type());
    if (a.operator() == '/') {
      return new Typed(CodeBlock.of("((double) $L / $L)", left.code(), right.code()), TypeName.DOUBLE);
    }
    return new Typed(CodeBlock.of(parenthesized ? "($L $L $L)" : "$L $L $L", left.code(), a.operator(), right.code()),
        whole ? TypeName.LONG : TypeName.DOUBLE);
  }

  private static boolean whole(TypeName type) {
    return type.unbox().equals(TypeName.LONG) || type.unbox().equals(TypeName.INT);
  }

  /**
   * A conditional parameter where it may be left out. Without an {@code otherwise}, the record's
   * boxed value already is null where the parameter is absent; a per-layer one tests its list.
   */
  private Typed ifPresent(Value.IfPresent i) {
    if (i.otherwise() == null && !(i.value() instanceof Value.LayerParamRef)) {
      Typed value = typed(i.value());
      return new Typed(value.code(), value.type().box());
    }
    CodeBlock present;
    TypeName type;
    if (i.value() instanceof Value.LayerParamRef l) {
      ParamSpec param = types.param(l.name());
      present = CodeBlock.of("p.$N() != null", names.parameter(l.name()));
      type = types.elementType(param);
    } else {
      present = CodeBlock.of("$L != null", code(i.value()));
      type = typed(i.value()).type().unbox();
    }
    CodeBlock value = code(i.value());
    if (i.otherwise() == null) {
      return new Typed(CodeBlock.of("($L ? $L : null)", present, value), type.box());
    }
    return new Typed(CodeBlock.of("($L ? $L : $L)", present, value, code(i.otherwise())), type);
  }
}
