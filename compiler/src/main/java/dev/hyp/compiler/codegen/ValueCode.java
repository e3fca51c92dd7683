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
 * loop variables in scope. Whole numbers are longs, as in the spec; sizes become ints at the
 * call with a checked conversion.
 */
final class ValueCode {
  static final ClassName NUMBERS = ClassName.get("dev.hyp.runtime.experiment", "Numbers");
  private static final TypeName STRING = ClassName.get(String.class);

  /** An expression and its Java type (boxed when it may be null). */
  record Typed(CodeBlock code, TypeName type) {}

  private final Map<String, ParamSpec> params = new LinkedHashMap<>();
  private final JavaNames names;
  private final Map<String, String> loopVariables;

  ValueCode(Iterable<ParamSpec> params, JavaNames names, Map<String, String> loopVariables) {
    params.forEach(p -> this.params.put(p.name(), p));
    this.names = names;
    this.loopVariables = loopVariables;
  }

  ValueCode withLoop(String variable, String javaName) {
    Map<String, String> inner = new LinkedHashMap<>(loopVariables);
    inner.put(variable, javaName);
    return new ValueCode(params.values(), names, inner);
  }

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
      ParamSpec param = params.get(r.name());
      return new Typed(CodeBlock.of("p.$N()", names.parameter(r.name())), ParamTypes.componentType(param));
    }
    if (value instanceof Value.LayerParamRef l) {
      ParamSpec param = params.get(l.name());
      return new Typed(CodeBlock.of("p.$N($L)", names.parameter(l.name()), intOf(l.index())),
          ParamTypes.elementType(param));
    }
    if (value instanceof Value.LoopVariable v) {
      return new Typed(CodeBlock.of("$N", loopVariables.get(v.name())), TypeName.LONG);
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
    return typed.type().isPrimitive()
        ? CodeBlock.of("$T.toInt($L)", NUMBERS, typed.code())
        : CodeBlock.of("$T.toIntOrNull($L)", NUMBERS, typed.code());
  }

  CodeBlock code(Value value) {
    return typed(value).code();
  }

  private Typed arithmetic(Value.Arithmetic a) {
    Typed left = typed(a.left());
    Typed right = typed(a.right());
    boolean whole = left.type().unbox().equals(TypeName.LONG) && right.type().unbox().equals(TypeName.LONG);
    if (a.operator() == '/') {
      return new Typed(CodeBlock.of("((double) $L / $L)", left.code(), right.code()), TypeName.DOUBLE);
    }
    return new Typed(CodeBlock.of("($L $L $L)", left.code(), a.operator(), right.code()),
        whole ? TypeName.LONG : TypeName.DOUBLE);
  }

  private Typed ifPresent(Value.IfPresent i) {
    CodeBlock present;
    TypeName type;
    if (i.value() instanceof Value.LayerParamRef l) {
      ParamSpec param = params.get(l.name());
      present = CodeBlock.of("p.$N() != null", names.parameter(l.name()));
      type = ParamTypes.elementType(param);
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
