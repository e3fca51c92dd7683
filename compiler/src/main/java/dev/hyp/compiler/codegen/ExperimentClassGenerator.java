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
import dev.hyp.compiler.model.Constraint;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.Objective;
import dev.hyp.compiler.model.SearchSpec;
import dev.hyp.compiler.model.TrainSpec;
import dev.hyp.compiler.model.Value;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.vocab.Option;
import dev.hyp.runtime.vocab.PrunerKind;
import dev.hyp.runtime.vocab.Settings;
import dev.hyp.runtime.vocab.Strategy;
import dev.hyp.runtime.vocab.Updater;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  private static final ClassName SETTINGS = ClassName.get(EXPERIMENT_PACKAGE, "TrialSettings");
  private static final ClassName MAIN = ClassName.get("dev.hyp.runtime.run", "ExperimentMain");
  private static final ClassName SPEC_RESOURCE = ClassName.get(EXPERIMENT_PACKAGE, "SpecResource");
  private static final ClassName ARGUMENTS = ClassName.get(EXPERIMENT_PACKAGE, "Arguments");
  private static final ClassName NETWORK = ClassName.get("dev.hyp.runtime.dl4j", "NetworkBuilder");
  private static final ClassName TASK = ClassName.get("dev.hyp.runtime.data", "Task");
  private static final ClassName SPLIT = ClassName.get("dev.hyp.runtime.data", "Split");
  private static final ClassName PLAN = ClassName.get("dev.hyp.runtime.data", "DataPlan");
  private static final ClassName MISSING = ClassName.get("dev.hyp.runtime.data", "Missing");
  private static final ClassName KIND = ClassName.get("dev.hyp.runtime.data", "ColumnKind");
  private static final ClassName WEIGHTS = ClassName.get("dev.hyp.runtime.data", "ClassWeights");
  private static final ClassName ENCODING = ClassName.get("dev.hyp.runtime.data", "CategoryEncoding");

  private final ClassName params;
  private final ParamTypes types;
  private final String specHash;
  private final int maxEpochs;

  ExperimentClassGenerator(CheckedExperiment experiment, JavaNames names, ParamTypes types, String specName,
      String specHash, ClassName params, int maxEpochs) {
    super(experiment, names, specName, specHash);
    this.params = params;
    this.types = types;
    this.specHash = specHash;
    this.maxEpochs = maxEpochs;
  }

  ClassName className() {
    return ClassName.get(names.packageName(), names.type("Experiment"));
  }

  @Override
  protected TypeSpec type() {
    List<MethodSpec> spaceHelpers = new ArrayList<>();
    MethodSpec searchSpace = searchSpace(spaceHelpers);
    return TypeSpec.classBuilder(className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Experiment $S: run it with {@code java -jar}, or with {@code hyp run}.\n", experiment.name())
        .addSuperinterface(ParameterizedTypeName.get(EXPERIMENT, params))
        .addField(definitionField())
        .addMethod(define())
        .addMethod(main())
        .addMethod(definition())
        .addMethod(searchSpace)
        .addMethods(spaceHelpers)
        .addMethod(paramsMethod())
        .addMethod(network())
        .addMethod(training())
        .build();
  }

  private static FieldSpec definitionField() {
    return FieldSpec.builder(DEFINITION, "DEFINITION", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("define()")
        .build();
  }

  /** The definition, built with named parts; what the spec leaves at the vocabulary's defaults is left out. */
  /** The objectives after the first, and the constraints; nothing for a single-objective spec. */
  private void moreObjectives(CodeBlock.Builder definition) {
    for (Objective o : experiment.objectives().subList(1, experiment.objectives().size())) {
      definition.add("\n.$L($S, $S)", o.maximize() ? "maximize" : "minimize", o.metric(), o.split());
    }
    for (Constraint c : experiment.constraints()) {
      definition.add("\n.constraint($S, $S, $L, $L)", c.measure(), c.split(), c.atMost(), Double.toString(c.bound()));
    }
  }

  private MethodSpec define() {
    CodeBlock.Builder definition = CodeBlock.builder().add("$T.builder($S)", DEFINITION, experiment.name());
    if (!experiment.description().isEmpty()) {
      definition.add("\n.description($S)", experiment.description());
    }
    if (experiment.seed() != Settings.SEED.defaultValue().longValue()) {
      definition.add("\n.seed($LL)", experiment.seed());
    }
    definition.add("\n.spec($T.read($T.class),$W$S)", SPEC_RESOURCE, className(), specHash)
        .add("\n.task($T.$L)", TASK, experiment.task().name());
    data(definition, experiment.data());
    search(definition, experiment.search());
    definition.add("\n.$L($S, $S)", experiment.objective().maximize() ? "maximize" : "minimize",
        experiment.objective().metric(), experiment.objective().split());
    moreObjectives(definition);
    if (experiment.pick() != null) {
      definition.add("\n.pick($S)", experiment.pick());
    }
    definition.add("\n.build()");
    return MethodSpec.methodBuilder("define")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(DEFINITION)
        .addStatement("return $L", definition.build())
        .build();
  }

  private static void data(CodeBlock.Builder code, DataSpec data) {
    if (data.images() != null) {
      images(code, data);
      return;
    }
    code.add("\n.source($L)", csv(data.source()));
    if (data.test() != null) {
      code.add("\n.test($L)", csv(data.test()));
    }
    code.add("\n.split($L)", split(data.split()));
    DataSpec.ImageShape shape = data.shape();
    if (shape != null) {
      code.add("\n.image($L, $L, $L)", shape.height(), shape.width(), shape.channels());
    }
    if (!data.preparation().isDefault()) {
      code.add("\n.plan($L)", plan(data.preparation()));
    }
  }

  /** `new DataPlan(...)` for a preparation other than the default one. */
  private static CodeBlock plan(DataSpec.Preparation p) {
    CodeBlock.Builder columns = CodeBlock.builder().add("$T.ofEntries($>", Map.class);
    for (int i = 0; i < p.columns().size(); i++) {
      DataSpec.Column c = p.columns().get(i);
      CodeBlock embedding = c.encoding() == null && c.dim() == null ? CodeBlock.of("")
          : CodeBlock.of(",$W$L, $L", c.encoding() == null ? "null"
              : CodeBlock.of("$T.$L", ENCODING, c.encoding().toUpperCase(java.util.Locale.ROOT)),
              c.dim() == null ? "null" : Long.toString(c.dim()));
      columns.add(i == 0 ? "\n" : ",\n").add("$T.entry($S,$Wnew $T.ColumnPlan($L, $L, $L$L))", Map.class, c.name(),
          PLAN, c.kind() == null ? "null" : CodeBlock.of("$T.$L", KIND, c.kind().toUpperCase(java.util.Locale.ROOT)),
          c.missing() == null ? "null" : CodeBlock.of("$T.$L", MISSING, c.missing().toUpperCase(java.util.Locale.ROOT)),
          c.indicator() == null ? "null" : c.indicator().toString(), embedding);
    }
    columns.add("$<)");
    CodeBlock weights = p.weights() != null
        ? CodeBlock.of("$T.of($T.of($L))", WEIGHTS, List.class, String.join(", ",
            p.weights().stream().map(w -> Literals.of(w.doubleValue()).toString()).toList()))
        : CodeBlock.of("$T.$L", WEIGHTS, p.classWeights().equals("balanced") ? "BALANCED" : "NONE");
    return CodeBlock.of("new $T($L,$W$L,$W$T.$L,$W$L,$W$L,$W$L,$W$L)", PLAN,
        p.features() == null ? "null" : strings(p.features()), strings(p.drop()), MISSING,
        p.missing().toUpperCase(java.util.Locale.ROOT), p.indicator(), Math.toIntExact(p.maxOnehot()), columns.build(),
        weights);
  }

  private static CodeBlock strings(List<String> values) {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
    for (int i = 0; i < values.size(); i++) {
      list.add(i == 0 ? "$S" : ",$W$S", values.get(i));
    }
    return list.add(")").build();
  }

  /** An image folder: its size (when given) is the input shape, so no `.image(...)`. */
  private static void images(CodeBlock.Builder code, DataSpec data) {
    code.add("\n.images($L)", folder(data.images()));
    if (data.imageTest() != null) {
      code.add("\n.imageTest($L)", folder(data.imageTest()));
    }
    code.add("\n.split($L)", split(data.split()));
  }

  private static CodeBlock folder(DataSpec.ImageFolder folder) {
    DataSpec.ImageShape size = folder.size();
    return size == null ? CodeBlock.of("$S, $L", folder.path(), folder.skipUnreadable())
        : CodeBlock.of("$S, $L, $L, $L, $L", folder.path(), size.height(), size.width(), size.channels(),
            folder.skipUnreadable());
  }

  private static CodeBlock csv(DataSpec.CsvSource csv) {
    return CodeBlock.of("$S, $S, $L, $S", csv.path(), csv.label(), csv.header(), csv.delimiter());
  }

  private static CodeBlock split(DataSpec.Split split) {
    if (split instanceof DataSpec.KFold k) {
      return CodeBlock.of("new $T.KFold($L)", SPLIT, Math.toIntExact(k.folds()));
    }
    DataSpec.Holdout h = (DataSpec.Holdout) split;
    return CodeBlock.of("new $T.Holdout($L, $L)", SPLIT, Literals.of(h.validation()), Literals.of(h.test()));
  }

  /** The search: the strategy, the settings that differ from the defaults, then the pruner. */
  private void search(CodeBlock.Builder code, SearchSpec search) {
    Strategy strategy = Strategy.of(search.strategy());
    Map<String, Object> options = notDefault(search.options(), strategy.options());
    if (options.isEmpty()) {
      code.add("\n.search($T.$L)", Strategy.class, strategy.name());
    } else {
      code.add("\n.search($T.$L, $L)", Strategy.class, strategy.name(), map(options));
    }
    if (search.trials() != Settings.TRIALS.defaultInt()) {
      code.add("\n.trials($L)", Math.toIntExact(search.trials()));
    }
    if (search.parallel() != Settings.PARALLEL.defaultInt()) {
      code.add("\n.parallel($L)", Math.toIntExact(search.parallel()));
    }
    if (search.timeoutSeconds() != null) {
      code.add("\n.timeoutSeconds($LL)", search.timeoutSeconds());
    }
    if (search.target() != null) {
      code.add("\n.target($L)", Literals.of(search.target()));
    }
    if (search.maxFailures() != null) {
      code.add("\n.maxFailures($L)", Math.toIntExact(search.maxFailures()));
    }
    if (search.refit()) {
      code.add("\n.refit(true)");
    }
    PrunerKind pruner = PrunerKind.of(search.pruner().name());
    if (pruner != PrunerKind.DEFAULT) {
      Map<String, Object> prunerOptions = notDefault(search.pruner().options(), pruner.options());
      if (pruner == PrunerKind.HYPERBAND) {
        prunerOptions.putIfAbsent("max_epochs", (long) maxEpochs); // the largest budget any trial can have
      }
      code.add("\n.pruner($T.$L, $L)", PrunerKind.class, pruner.name(), map(prunerOptions));
    }
  }

  /** The options whose value is not the vocabulary's default (the runtime applies the same defaults). */
  private static Map<String, Object> notDefault(Map<String, Object> values, List<Option> options) {
    Map<String, Object> written = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Number fallback = options.stream().filter(o -> o.name().equals(name)).findFirst()
          .map(Option::defaultValue).orElse(null);
      if (!(fallback != null && value instanceof Number n && n.doubleValue() == fallback.doubleValue())) {
        written.put(name, value);
      }
    });
    return written;
  }

  private static CodeBlock map(Map<String, Object> values) {
    if (values.isEmpty()) {
      return CodeBlock.of("$T.of()", Map.class);
    }
    CodeBlock.Builder entries = CodeBlock.builder();
    values.forEach((name, value) ->
        entries.add(entries.isEmpty() ? "" : ",$W").add("$S, $L", name, Literals.of(value)));
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

  private MethodSpec searchSpace(List<MethodSpec> helpers) {
    return override("searchSpace", SearchSpaceCode.SEARCH_SPACE)
        .addCode(SearchSpaceCode.build(experiment.params(), helpers))
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
    ValueCode values = new ValueCode(types, names, Map.of());
    var model = experiment.model();
    if (model.updater() != null) {
      method.addStatement(updater((Value.Invocation) model.updater(), values));
    }
    if (model.weightInit() != null) {
      setting(method, "weightInit", model.weightInit(), values.term(model.weightInit(), SymbolKind.WEIGHT_INIT));
    }
    setting(method, "l1", model.l1(), model.l1() == null ? null : values.code(model.l1()));
    setting(method, "l2", model.l2(), model.l2() == null ? null : values.code(model.l2()));
    setting(method, "gradientClip", model.gradientClip(),
        model.gradientClip() == null ? null : values.code(model.gradientClip()));
    TrainSpec.Schedule schedule = experiment.train().schedule();
    if (schedule instanceof TrainSpec.StepSchedule step) {
      method.addStatement("network.stepSchedule($L, $L)", Math.toIntExact(step.every()), Literals.of(step.factor()));
    } else if (schedule instanceof TrainSpec.CosineSchedule) {
      method.addStatement("network.cosineSchedule($L)", values.intOf(experiment.train().epochs()));
    }
    NameAllocator loopNames = new NameAllocator();
    loopNames.newName("p", "#p");
    loopNames.newName("network", "#network");
    layers(method, model.layers(), values, loopNames);
    return method.build();
  }

  /** A model setting; one that reads a conditional parameter is set only in trials where it exists. */
  private static void setting(MethodSpec.Builder method, String name, Value value, CodeBlock code) {
    if (value == null) {
      return;
    }
    if (value instanceof Value.IfPresent present && present.otherwise() == null) {
      method.beginControlFlow("if ($L != null)", code)
          .addStatement("network.$L($L)", name, code)
          .endControlFlow();
      return;
    }
    method.addStatement("network.$L($L)", name, code);
  }

  /** `network.updater(Updater.ADAM, Arguments.of("lr", p.lr()))`: arguments at their defaults are left out. */
  private static CodeBlock updater(Value.Invocation updater, ValueCode values) {
    Updater fixed = updater.callee() instanceof Value.Symbol s ? Updater.of(s.name()) : null;
    CodeBlock.Builder arguments = CodeBlock.builder();
    updater.arguments().forEach((name, value) -> {
      if (fixed != null && isDefault(value, fixed.argument(name).map(Option::defaultValue).orElse(null))) {
        return;
      }
      arguments.add(arguments.isEmpty() ? "" : ",$W").add("$S, $L", name, values.code(value));
    });
    return CodeBlock.of("network.updater($L, $T.of($L))", values.term(updater.callee(), SymbolKind.UPDATER),
        ARGUMENTS, arguments.build());
  }

  private static boolean isDefault(Value value, Number fallback) {
    return fallback != null && value instanceof Value.Numeric n && n.asDouble() == fallback.doubleValue();
  }

  private void layers(MethodSpec.Builder method, List<LayerItem> items, ValueCode values, NameAllocator loopNames) {
    for (LayerItem item : items) {
      if (item instanceof LayerItem.Repeat repeat) {
        String variable = loopNames.newName(JavaNames.camelCase(repeat.variable()));
        method.beginControlFlow("for (int $N = $L; $N <= $L; $N++)", variable, values.intOf(repeat.from()), variable,
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
      case "dense" -> CodeBlock.of("network.dense($L, $L)", values.intOf(a.get("units")), activation(a, values));
      case "dropout" -> CodeBlock.of("network.dropout($L)", values.code(a.get("rate")));
      case "batchnorm" -> CodeBlock.of("network.batchnorm()");
      case "conv2d" -> CodeBlock.of("network.conv2d($L, $L, $L,$W$L, $L)", values.intOf(a.get("filters")),
          values.intOf(a.get("kernel")), values.intOf(a.get("stride")),
          values.term(a.get("padding"), SymbolKind.PADDING), activation(a, values));
      case "maxpool", "avgpool" -> CodeBlock.of("network.$L($L, $L)", layer.kind(), values.intOf(a.get("size")),
          a.containsKey("stride") ? values.intOf(a.get("stride")) : CodeBlock.of("null"));
      case "lstm" -> CodeBlock.of("network.lstm($L, $L)", values.intOf(a.get("units")), activation(a, values));
      case "output" -> CodeBlock.of("network.output($L, $L, $L)", activation(a, values),
          values.term(a.get("loss"), SymbolKind.LOSS),
          a.containsKey("units") ? values.intOf(a.get("units")) : CodeBlock.of("null"));
      default -> throw new IllegalArgumentException("unknown layer " + layer.kind());
    };
  }

  private static CodeBlock activation(Map<String, Value> arguments, ValueCode values) {
    return values.term(arguments.get("activation"), SymbolKind.ACTIVATION);
  }

  /** `TrialSettings.of(Loss.MCXENT)` and what differs from its defaults. */
  private MethodSpec training() {
    ValueCode values = new ValueCode(types, names, Map.of());
    TrainSpec train = experiment.train();
    LayerItem.Layer output = (LayerItem.Layer) experiment.model().layers().get(experiment.model().layers().size() - 1);
    CodeBlock.Builder settings = CodeBlock.builder()
        .add("$T.of($L)", SETTINGS, values.term(output.arguments().get("loss"), SymbolKind.LOSS));
    if (!isDefault(train.epochs(), Settings.EPOCHS.defaultValue())) {
      settings.add("\n.withEpochs($L)", values.intOf(train.epochs()));
    }
    if (!isDefault(train.batch(), Settings.BATCH.defaultValue())) {
      settings.add("\n.withBatch($L)", values.intOf(train.batch()));
    }
    Value normalize = experiment.data().normalize();
    if (!(normalize instanceof Value.Symbol s && s.name().equals(Normalization.NONE.hypName()))) {
      settings.add("\n.withNormalize($L)", values.term(normalize, SymbolKind.NORMALIZATION));
    }
    if (!experiment.data().defaultEncoding()) {
      settings.add("\n.withEncoding($L)", values.term(experiment.data().encoding(), SymbolKind.ENCODING));
    }
    TrainSpec.EarlyStopping stopping = train.earlyStopping();
    if (stopping != null) {
      settings.add("\n.withEarlyStopping($L, $L)", Math.toIntExact(stopping.patience()),
          Literals.of(stopping.minDelta()));
    }
    return override("training", SETTINGS)
        .addParameter(params, "p")
        .addStatement("return $L", settings.build())
        .build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
  }
}
