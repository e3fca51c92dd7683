package dev.hyp.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.ParamSpec;
import javax.lang.model.element.Modifier;

/**
 * The typed view of one trial's parameters: a record with one component per parameter, so
 * code that reads them is checked by javac. Per-layer parameters are lists (layer 1 first),
 * conditional ones are null in trials where they do not exist.
 */
final class ParamsRecordGenerator extends SourceFileGenerator {
  static final ClassName PARAM_VALUES = ClassName.get("dev.hyp.runtime.space", "ParamValues");
  static final ClassName LAYER_VALUES = ClassName.get("dev.hyp.runtime.experiment", "LayerValues");

  private final ParamTypes types;

  ParamsRecordGenerator(CheckedExperiment experiment, JavaNames names, ParamTypes types, String specName,
      String specHash) {
    super(experiment, names, specName, specHash);
    this.types = types;
  }

  ClassName className() {
    return ClassName.get(names.packageName(), names.type("Params"));
  }

  @Override
  protected TypeSpec type() {
    TypeSpec.Builder record = TypeSpec.recordBuilder(className())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The parameters of one trial of experiment $S.\n", experiment.name())
        .recordConstructor(constructor());
    for (ParamSpec param : experiment.params()) {
      if (param.isPerLayer()) {
        record.addMethod(layerAccessor(param));
      }
    }
    return record.addMethod(of()).build();
  }

  private MethodSpec constructor() {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (ParamSpec param : experiment.params()) {
      constructor.addParameter(ParameterSpec.builder(types.componentType(param), names.parameter(param.name()))
          .build());
    }
    return constructor.build();
  }

  private MethodSpec layerAccessor(ParamSpec param) {
    String field = names.parameter(param.name());
    return MethodSpec.methodBuilder(field)
        .addJavadoc("The value of $S for a layer, numbered from 1.\n", param.name())
        .addModifiers(Modifier.PUBLIC)
        .returns(types.elementType(param))
        .addParameter(TypeName.INT, "layer")
        .addStatement("return $N.get(layer - 1)", field)
        .build();
  }

  private MethodSpec of() {
    CodeBlock.Builder arguments = CodeBlock.builder();
    boolean first = true;
    for (ParamSpec param : experiment.params()) {
      arguments.add(first ? "\n" : ",\n").add(read(param));
      first = false;
    }
    return MethodSpec.methodBuilder("of")
        .addJavadoc("Reads a trial's values, as sampled from the search space.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(className())
        .addParameter(PARAM_VALUES, "values")
        .addStatement("return new $T($L)", className(), arguments.build())
        .build();
  }

  private CodeBlock read(ParamSpec param) {
    TypeName element = types.elementType(param);
    SymbolKind kind = types.kind(param);
    if (param.isPerLayer() && kind != null) {
      return CodeBlock.of("$T.symbols(values, $S, $T::of)", LAYER_VALUES, param.name(), kind.type());
    }
    if (param.isPerLayer()) {
      String reader = switch (ParamTypes.getter(element)) {
        case "getDouble" -> "doubles";
        case "getLong" -> "longs";
        case "getBoolean" -> "booleans";
        default -> "strings";
      };
      return CodeBlock.of("$T.$L(values, $S)", LAYER_VALUES, reader, param.name());
    }
    CodeBlock get = CodeBlock.of("values.$L($S)", ParamTypes.getter(element), param.name());
    if (kind != null) {
      get = kind.parse(get);
    }
    if (param.isConditional()) {
      return CodeBlock.of("values.has($S) ? $L : null", param.name(), get);
    }
    return get;
  }
}
