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
 * conditional ones are null in trials where they do not exist. A record's constructor takes at
 * most 255 slots (a long or double takes two), so a spec with more parameters gets a final class
 * with the same accessors and {@code of}, whose fields are read one statement each.
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

  /** The JVM's limit on a method's parameter slots, less one for {@code this}. */
  private static final int MAX_CONSTRUCTOR_SLOTS = 254;

  @Override
  protected TypeSpec type() {
    return fitsRecord() ? record() : finalClass();
  }

  private boolean fitsRecord() {
    int slots = 0;
    for (ParamSpec param : experiment.params()) {
      TypeName type = types.componentType(param);
      slots += type.equals(TypeName.LONG) || type.equals(TypeName.DOUBLE) ? 2 : 1;
    }
    return slots <= MAX_CONSTRUCTOR_SLOTS;
  }

  private TypeSpec record() {
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

  private TypeSpec finalClass() {
    TypeSpec.Builder type = TypeSpec.classBuilder(className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The parameters of one trial of experiment $S.\n", experiment.name());
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(PARAM_VALUES, "values");
    for (ParamSpec param : experiment.params()) {
      String field = names.parameter(param.name());
      TypeName component = types.componentType(param);
      type.addField(component, field, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$N = $L", field, read(param));
      type.addMethod(MethodSpec.methodBuilder(field).addModifiers(Modifier.PUBLIC).returns(component)
          .addStatement("return $N", field).build());
      if (param.isPerLayer()) {
        type.addMethod(layerAccessor(param));
      }
    }
    return type.addMethod(constructor.build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("Reads a trial's values, as sampled from the search space.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(className())
            .addParameter(PARAM_VALUES, "values")
            .addStatement("return new $T(values)", className())
            .build())
        .build();
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
