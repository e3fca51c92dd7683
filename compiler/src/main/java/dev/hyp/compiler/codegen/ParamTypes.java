package dev.hyp.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.ParamSpec;
import java.util.List;

/** The Java type of a parameter's value: long, double, String or boolean; boxed when it may be absent. */
final class ParamTypes {
  private ParamTypes() {}

  /** The type of one value (of one layer's value, for a per-layer parameter). */
  static TypeName elementType(ParamSpec param) {
    Distribution distribution = param.distribution();
    if (distribution instanceof Distribution.FloatRange) {
      return TypeName.DOUBLE;
    }
    if (distribution instanceof Distribution.IntRange) {
      return TypeName.LONG;
    }
    List<Object> values = distribution instanceof Distribution.Choice c ? c.values()
        : List.of(((Distribution.Constant) distribution).value());
    if (values.stream().allMatch(v -> v instanceof Long)) {
      return TypeName.LONG;
    }
    if (values.stream().allMatch(v -> v instanceof Number)) {
      return TypeName.DOUBLE;
    }
    if (values.stream().allMatch(v -> v instanceof Boolean)) {
      return TypeName.BOOLEAN;
    }
    return ClassName.get(String.class);
  }

  /** The record component's type: per-layer parameters are lists, conditional ones boxed (null when absent). */
  static TypeName componentType(ParamSpec param) {
    TypeName element = elementType(param);
    if (param.isPerLayer()) {
      return ParameterizedTypeName.get(ClassName.get(List.class), element.box());
    }
    return param.isConditional() ? element.box() : element;
  }

  /** The ParamValues getter that reads one value of this type. */
  static String getter(TypeName element) {
    if (element.equals(TypeName.DOUBLE)) {
      return "getDouble";
    }
    if (element.equals(TypeName.LONG)) {
      return "getLong";
    }
    if (element.equals(TypeName.BOOLEAN)) {
      return "getBoolean";
    }
    return "getString";
  }
}
