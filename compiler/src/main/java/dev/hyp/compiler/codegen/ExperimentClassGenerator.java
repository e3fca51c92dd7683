package dev.hyp.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.SearchSpec;
import dev.hyp.compiler.model.TrainSpec;
import dev.hyp.compiler.model.Value;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The experiment class: the spec's fixed definition, its search space, and for one trial's
 * parameters the network and the training settings. Thin on purpose: searching, training and
 * storage live in the runtime, once.
 */
final class ExperimentClassGenerator extends SourceFileGenerator {
  private static final String EXPERIMENT_PACKAGE = "dev.hyp.runtime.experiment";
  private static final ClassName EXPERIMENT = ClassName.get(EXPERIMENT_PACKAGE, "Experiment");
  private static final ClassName DEFINITION = ClassName.get(EXPERIMENT_PACKAGE, "ExperimentDefinition");
  private static final ClassName CSV_FILE = DEFINITION.nestedClass("CsvFile");
  private static final ClassName DATA = DEFINITION.nestedClass("DataDefinition");
  private static final ClassName SEARCH = DEFINITION.nestedClass("SearchDefinition");
  private static final ClassName OBJECTIVE = DEFINITION.nestedClass("ObjectiveDefinition");
  private static final ClassName SETTINGS = ClassName.get(EXPERIMENT_PACKAGE, "TrialSettings");
  private static final ClassName MAIN = ClassName.get("dev.hyp.runtime.run", "ExperimentMain");
  private static final ClassName SPEC_RESOURCE = ClassName.get(EXPERIMENT_PACKAGE, "SpecResource");
  private static final ClassName ARGUMENTS = ClassName.get(EXPERIMENT_PACKAGE, "Arguments");
  private static final ClassName NETWORK = ClassName.get("dev.hyp.runtime.dl4j", "NetworkBuilder");
  private static final ClassName TASK = ClassName.get("dev.hyp.runtime.data", "Task");
  private static final ClassName SPLIT = ClassName.get("dev.hyp.runtime.data", "Split");

  private final ClassName params;
  private final String specHash;
  private final int maxEpochs;

  ExperimentClassGenerator(CheckedExperiment experiment, JavaNames names, String specName, String specHash,
      ClassName params, int maxEpochs) {
    super(experiment, names, specName, specHash);
    this.params = params;
    this.specHash = specHash;
    this.maxEpochs = maxEpochs;
  }

  ClassName className() {
    return ClassName.get(names.packageName(), names.type("Experiment"));
  }

  @Override
  protected TypeSpec type() {
    return TypeSpec.classBuilder(className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Experiment $S: run it with {@code java -jar}, or with {@code hyp run}.\n", experiment.name())
        .addSuperinterface(ParameterizedTypeName.get(EXPERIMENT, params))
        .addField(definitionField())
        .addMethod(main())
        .addMethod(definition())
        .addMethod(searchSpace())
        .addMethod(paramsMethod())
        .addMethod(network())
        .addMethod(training())
        .build();
  }

  private FieldSpec definitionField() {
    DataSpec data = experiment.data();
    SearchSpec search = experiment.search();
    CodeBlock definition = CodeBlock.builder()
        .add("new $T(\n", DEFINITION).indent().indent()
        .add("$S,\n$S,\n$LL,\n", experiment.name(), experiment.description(), experiment.seed())
        .add("$T.read($T.class),\n$S,\n", SPEC_RESOURCE, className(), specHash)
        .add("$T.$L,\n", TASK, experiment.task().name())
        .add("new $T($L, $L, $L, $L),\n", DATA, csv(data.source()), csv(data.test()), split(data.split()), image(data))
        .add("new $T($S, $L, $L, $L, $L, $L, $L, $S, $L, $L),\n", SEARCH, search.strategy(), map(search.options()),
            Math.toIntExact(search.trials()), Math.toIntExact(search.parallel()),
            search.timeoutSeconds() == null ? "null" : search.timeoutSeconds() + "L",
            search.target() == null ? "null" : Literals.of(search.target()),
            search.maxFailures() == null ? "null" : Math.toIntExact(search.maxFailures()),
            search.pruner().name(), map(search.pruner().options()), maxEpochs)
        .add("new $T($L, $S, $S))", OBJECTIVE, experiment.objective().maximize(), experiment.objective().metric(),
            experiment.objective().split())
        .unindent().unindent()
        .build();
    return FieldSpec.builder(DEFINITION, "DEFINITION", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(definition)
        .build();
  }

  private static CodeBlock csv(DataSpec.CsvSource csv) {
    return csv == null ? CodeBlock.of("null")
        : CodeBlock.of("new $T($S, $S, $L, $S)", CSV_FILE, csv.path(), csv.label(), csv.header(), csv.delimiter());
  }

  private static CodeBlock split(DataSpec.Split split) {
    if (split instanceof DataSpec.KFold k) {
      return CodeBlock.of("new $T.KFold($L)", SPLIT, Math.toIntExact(k.folds()));
    }
    DataSpec.Holdout h = (DataSpec.Holdout) split;
    return CodeBlock.of("new $T.Holdout($L, $L)", SPLIT, Literals.of(h.validation()), Literals.of(h.test()));
  }

  private static CodeBlock image(DataSpec data) {
    DataSpec.ImageShape shape = data.shape();
    return shape == null ? CodeBlock.of("null")
        : CodeBlock.of("new int[] {$L, $L, $L}", shape.height(), shape.width(), shape.channels());
  }

  private static CodeBlock map(Map<String, Object> values) {
    if (values.isEmpty()) {
      return CodeBlock.of("$T.of()", Map.class);
    }
    CodeBlock.Builder entries = CodeBlock.builder();
    values.forEach((name, value) -> entries.add(entries.isEmpty() ? "" : ", ").add("$S, $L", name, Literals.of(value)));
    return CodeBlock.of("$T.of($L)", Map.class, entries.build());
  }

  private MethodSpec main() {
    return MethodSpec.methodBuilder("main")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(String[].class, "args")
        .addStatement("$T.main(new $T(), args)", MAIN, className())
        .build();
  }

  private MethodSpec definition() {
    return override("definition", DEFINITION).addStatement("return DEFINITION").build();
  }

  private MethodSpec searchSpace() {
    return override("searchSpace", SearchSpaceCode.SEARCH_SPACE)
        .addStatement("return $L", SearchSpaceCode.build(experiment.params()))
        .build();
  }

  private MethodSpec paramsMethod() {
    return override("params", params)
        .addParameter(ParamsRecordGenerator.PARAM_VALUES, "values")
        .addStatement("return $T.of(values)", params)
        .build();
  }

  private MethodSpec network() {
    MethodSpec.Builder method = override("network", TypeName.VOID)
        .addParameter(params, "p")
        .addParameter(NETWORK, "network");
    ValueCode values = new ValueCode(experiment.params(), names, Map.of());
    var model = experiment.model();
    if (model.updater() != null) {
      method.addStatement(updater((Value.Invocation) model.updater(), values));
    }
    setting(method, "weightInit", model.weightInit(), values);
    setting(method, "l1", model.l1(), values);
    setting(method, "l2", model.l2(), values);
    setting(method, "gradientClip", model.gradientClip(), values);
    TrainSpec.Schedule schedule = experiment.train().schedule();
    if (schedule instanceof TrainSpec.StepSchedule step) {
      method.addStatement("network.stepSchedule($L, $L)", Math.toIntExact(step.every()), Literals.of(step.factor()));
    } else if (schedule instanceof TrainSpec.CosineSchedule) {
      method.addStatement("network.cosineSchedule($L)", values.intOf(experiment.train().epochs()));
    }
    layers(method, model.layers(), values, new NameAllocator());
    return method.build();
  }

  private static void setting(MethodSpec.Builder method, String name, Value value, ValueCode values) {
    if (value == null) {
      return;
    }
    if (value instanceof Value.IfPresent present && present.otherwise() == null) {
      method.beginControlFlow("if ($L != null)", values.code(present.value()))
          .addStatement("network.$L($L)", name, values.code(present.value()))
          .endControlFlow();
      return;
    }
    method.addStatement("network.$L($L)", name, values.code(value));
  }

  private static CodeBlock updater(Value.Invocation updater, ValueCode values) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    updater.arguments().forEach((name, value) ->
        arguments.add(arguments.isEmpty() ? "" : ", ").add("$S, $L", name, values.code(value)));
    return CodeBlock.of("network.updater($L, $T.of($L))", values.code(updater.callee()), ARGUMENTS, arguments.build());
  }

  private void layers(MethodSpec.Builder method, List<LayerItem> items, ValueCode values, NameAllocator loopNames) {
    for (LayerItem item : items) {
      if (item instanceof LayerItem.Repeat repeat) {
        String variable = loopNames.newName(JavaNames.camelCase(repeat.variable()) + "Layer");
        method.beginControlFlow("for (long $N = $L; $N <= $L; $N++)", variable, values.code(repeat.from()), variable,
            values.code(repeat.to()), variable);
        layers(method, repeat.body(), values.withLoop(repeat.variable(), variable), loopNames);
        method.endControlFlow();
      } else {
        method.addStatement(layer((LayerItem.Layer) item, values));
      }
    }
  }

  private static CodeBlock layer(LayerItem.Layer layer, ValueCode values) {
    Map<String, Value> a = layer.arguments();
    return switch (layer.kind()) {
      case "dense" -> CodeBlock.of("network.dense($L, $L)", values.intOf(a.get("units")), values.code(a.get("activation")));
      case "dropout" -> CodeBlock.of("network.dropout($L)", values.code(a.get("rate")));
      case "batchnorm" -> CodeBlock.of("network.batchnorm()");
      case "conv2d" -> CodeBlock.of("network.conv2d($L, $L, $L, $L, $L)", values.intOf(a.get("filters")),
          values.intOf(a.get("kernel")), values.intOf(a.get("stride")), values.code(a.get("padding")),
          values.code(a.get("activation")));
      case "maxpool", "avgpool" -> CodeBlock.of("network.$L($L, $L)", layer.kind(), values.intOf(a.get("size")),
          a.containsKey("stride") ? values.intOf(a.get("stride")) : CodeBlock.of("null"));
      case "lstm" -> CodeBlock.of("network.lstm($L, $L)", values.intOf(a.get("units")), values.code(a.get("activation")));
      case "output" -> CodeBlock.of("network.output($L, $L, $L)", values.code(a.get("activation")),
          values.code(a.get("loss")), a.containsKey("units") ? values.intOf(a.get("units")) : CodeBlock.of("null"));
      default -> throw new IllegalArgumentException("unknown layer " + layer.kind());
    };
  }

  private MethodSpec training() {
    ValueCode values = new ValueCode(experiment.params(), names, Map.of());
    TrainSpec train = experiment.train();
    LayerItem.Layer output = (LayerItem.Layer) experiment.model().layers().get(experiment.model().layers().size() - 1);
    TrainSpec.EarlyStopping stopping = train.earlyStopping();
    return override("training", SETTINGS)
        .addParameter(params, "p")
        .addStatement("return new $T($L, $L, $L, $L, $L, $L)", SETTINGS, values.intOf(train.epochs()),
            values.intOf(train.batch()), values.code(experiment.data().normalize()), values.code(output.arguments().get("loss")),
            stopping == null ? 0 : Math.toIntExact(stopping.patience()),
            Literals.of(stopping == null ? 0.0 : stopping.minDelta()))
        .build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
  }
}
