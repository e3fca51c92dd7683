package dev.hyp.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.model.Value;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java type of each parameter's value: long, double, boolean, String, or a vocabulary enum
 * such as {@code Activation} when the parameter chooses names that the spec uses in one kind of
 * place only (an activation, a loss, an updater, ...); boxed when it may be absent.
 */
final class ParamTypes {
  private static final Map<String, SymbolKind> LAYER_ARGUMENTS = Map.of(
      "activation", SymbolKind.ACTIVATION, "padding", SymbolKind.PADDING, "loss", SymbolKind.LOSS);

  private final Map<String, ParamSpec> params = new LinkedHashMap<>();
  private final Map<String, Set<SymbolKind>> uses = new LinkedHashMap<>();

  ParamTypes(CheckedExperiment experiment) {
    experiment.params().forEach(p -> params.put(p.name(), p));
    if (experiment.model().updater() instanceof Value.Invocation updater) {
      use(updater.callee(), SymbolKind.UPDATER);
    }
    use(experiment.model().weightInit(), SymbolKind.WEIGHT_INIT);
    use(experiment.data().normalize(), SymbolKind.NORMALIZATION);
    use(experiment.data().encoding(), SymbolKind.ENCODING);
    layers(experiment.model().layers());
  }

  ParamSpec param(String name) {
    return params.get(name);
  }

  /** The vocabulary a parameter's value is typed by, or null when it is not. */
  SymbolKind kind(ParamSpec param) {
    Set<SymbolKind> kinds = uses.get(param.name());
    return kinds != null && kinds.size() == 1 && symbols(param.distribution()) ? kinds.iterator().next() : null;
  }

  /** The type of one value (of one layer's value, for a per-layer parameter). */
  TypeName elementType(ParamSpec param) {
    SymbolKind kind = kind(param);
    if (kind != null) {
      return kind.type();
    }
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
  TypeName componentType(ParamSpec param) {
    TypeName element = elementType(param);
    if (param.isPerLayer()) {
      return ParameterizedTypeName.get(ClassName.get(List.class), element.box());
    }
    return param.isConditional() ? element.box() : element;
  }

  /** The ParamValues getter that reads one value of this type (a vocabulary name is read as a string). */
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

  private static boolean symbols(Distribution distribution) {
    return distribution instanceof Distribution.Choice choice ? choice.symbols()
        : distribution instanceof Distribution.Constant constant && constant.symbol();
  }

  private void layers(List<LayerItem> items) {
    for (LayerItem item : items) {
      if (item instanceof LayerItem.Repeat repeat) {
        layers(repeat.body());
      } else {
        ((LayerItem.Layer) item).arguments().forEach((name, value) -> {
          if (LAYER_ARGUMENTS.containsKey(name)) {
            use(value, LAYER_ARGUMENTS.get(name));
          }
        });
      }
    }
  }

  private void use(Value value, SymbolKind kind) {
    if (value instanceof Value.ParamRef r) {
      uses.computeIfAbsent(r.name(), n -> EnumSet.noneOf(SymbolKind.class)).add(kind);
    } else if (value instanceof Value.LayerParamRef l) {
      uses.computeIfAbsent(l.name(), n -> EnumSet.noneOf(SymbolKind.class)).add(kind);
    } else if (value instanceof Value.IfPresent i) {
      use(i.value(), kind);
      use(i.otherwise(), kind);
    }
  }
}
