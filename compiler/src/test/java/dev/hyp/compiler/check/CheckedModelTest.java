package dev.hyp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.hyp.compiler.source.Span.NONE;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.Objective;
import dev.hyp.compiler.model.ParamCondition;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.model.SearchSpec;
import dev.hyp.compiler.model.Task;
import dev.hyp.compiler.model.TrainSpec;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checked model "as meant": names resolved, defaults filled in. */
class CheckedModelTest {
  private final Compiler compiler = new Compiler();

  private CheckedExperiment checkClean(SourceFile source) {
    CheckResult result = compiler.check(source);
    assertEquals(List.of(), result.diagnostics(),
        () -> new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    assertNotNull(result.experiment());
    return result.experiment();
  }

  /** A spec beside the golden inputs, so that `data/iris.csv` exists. */
  private CheckedExperiment checkClean(String text) {
    return checkClean(new SourceFile("t.hyp", TestFiles.resource("diagnostics").resolve("t.hyp"), text));
  }

  private CheckedExperiment iris() {
    return checkClean(TestFiles.sample(TestFiles.samplesDirectory().resolve("iris.hyp")));
  }

  static Stream<Path> samples() {
    return TestFiles.samples().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleChecksWithoutDiagnostics(Path sample) {
    CheckedExperiment experiment = checkClean(TestFiles.sample(sample));
    assertEquals(sample, experiment.specFile());
  }

  @Test
  void irisExperiment() {
    CheckedExperiment iris = iris();
    assertEquals("iris", iris.name());
    assertEquals("3-class MLP on Iris", iris.description());
    assertEquals(42, iris.seed());
    assertEquals(Task.CLASSIFICATION, iris.task());
  }

  @Test
  void irisData() {
    DataSpec data = iris().data();
    assertEquals(new DataSpec.CsvSource("data/iris.csv", "species", true, ","), data.source());
    assertNull(data.test());
    assertEquals(new DataSpec.Holdout(0.2, 0.1), data.split());
    assertEquals(new Value.Symbol("standard", NONE), Unspanned.of(data.normalize()));
    assertNull(data.shape());
    assertTrue(data.hasTest());
  }

  @Test
  void irisParametersInOrderWithTheirDistributions() {
    List<ParamSpec> params = iris().params();
    assertEquals(List.of("lr", "depth", "units", "act", "dropout", "batch", "opt", "momentum", "l2"),
        params.stream().map(ParamSpec::name).toList());
    Map<String, ParamSpec> byName = new LinkedHashMap<>();
    params.forEach(p -> byName.put(p.name(), p));

    assertEquals(new Distribution.FloatRange(1e-4, 1e-1, true, null), byName.get("lr").distribution());
    assertEquals(new Distribution.IntRange(1, 3, false, null), byName.get("depth").distribution());

    ParamSpec units = byName.get("units");
    assertEquals(new Distribution.Choice(List.of(16L, 32L, 64L, 128L), false), units.distribution());
    assertTrue(units.isPerLayer());
    assertEquals("depth", units.layerBound());
    assertEquals(3, units.maxLayers());

    assertEquals(new Distribution.Choice(List.of("relu", "tanh", "elu"), true), byName.get("act").distribution());
    assertEquals(new Distribution.FloatRange(0.0, 0.5, false, 0.05), byName.get("dropout").distribution());
    assertEquals(11, byName.get("dropout").distribution().cardinality());
    assertEquals(new Distribution.Choice(List.of(16L, 32L, 64L), false), byName.get("batch").distribution());
    assertEquals(new Distribution.Choice(List.of("adam", "nesterovs"), true), byName.get("opt").distribution());

    ParamSpec momentum = byName.get("momentum");
    assertEquals(new Distribution.FloatRange(0.5, 0.99, false, null), momentum.distribution());
    assertTrue(momentum.isConditional());
    assertEquals(new ParamCondition.Compare("opt", "==", "nesterovs"), momentum.condition());
    assertEquals("opt == nesterovs", momentum.conditionText());

    assertEquals(new Distribution.Constant(1e-4, false), byName.get("l2").distribution());
    for (String name : List.of("lr", "depth", "act", "dropout", "batch", "opt", "l2")) {
      assertFalse(byName.get(name).isConditional(), name);
      assertFalse(byName.get(name).isPerLayer(), name);
    }
  }

  @Test
  void irisModel() {
    var model = iris().model();
    Value.Invocation updater = assertInstanceOf(Value.Invocation.class, model.updater());
    assertEquals(new Value.ParamRef("opt", NONE), Unspanned.of(updater.callee()));
    // momentum exists only when opt == nesterovs: in other trials the argument is left out
    assertEquals(Map.of("lr", new Value.ParamRef("lr", NONE),
            "momentum", new Value.IfPresent(new Value.ParamRef("momentum", NONE), null, NONE)),
        Unspanned.of(updater.arguments()));
    assertEquals(List.of("lr", "momentum"), List.copyOf(updater.arguments().keySet()), "arguments in the order written");
    assertEquals(new Value.Symbol("xavier", NONE), Unspanned.of(model.weightInit()));
    assertEquals(new Value.ParamRef("l2", NONE), Unspanned.of(model.l2()));
    assertNull(model.l1());
    assertNull(model.gradientClip());

    List<LayerItem> layers = model.layers();
    assertEquals(2, layers.size());
    LayerItem.Repeat loop = assertInstanceOf(LayerItem.Repeat.class, layers.get(0));
    assertEquals("i", loop.variable());
    assertEquals(Value.of(1L, NONE), Unspanned.of(loop.from()));
    assertEquals(new Value.ParamRef("depth", NONE), Unspanned.of(loop.to()));
    assertEquals(2, loop.body().size());
    LayerItem.Layer dense = assertInstanceOf(LayerItem.Layer.class, loop.body().get(0));
    assertEquals("dense", dense.kind());
    assertEquals(new Value.LayerParamRef("units", new Value.LoopVariable("i", NONE), NONE),
        Unspanned.of(dense.arguments().get("units")));
    assertEquals(new Value.ParamRef("act", NONE), Unspanned.of(dense.arguments().get("activation")));
    assertEquals(29, dense.line());
    LayerItem.Layer dropout = assertInstanceOf(LayerItem.Layer.class, loop.body().get(1));
    assertEquals("dropout", dropout.kind());
    assertEquals(Map.of("rate", new Value.ParamRef("dropout", NONE)), Unspanned.of(dropout.arguments()));

    LayerItem.Layer output = assertInstanceOf(LayerItem.Layer.class, layers.get(1));
    assertEquals("output", output.kind());
    assertEquals(new Value.Symbol("softmax", NONE), Unspanned.of(output.arguments().get("activation")));
    assertEquals(new Value.Symbol("mcxent", NONE), Unspanned.of(output.arguments().get("loss")));
    assertFalse(output.arguments().containsKey("units"), "units are inferred from the label's classes");
  }

  @Test
  void everyValueSpansTheTextItCameFrom() {
    SourceFile source = TestFiles.sample(TestFiles.samplesDirectory().resolve("iris.hyp"));
    CheckedExperiment iris = checkClean(source);
    Function<Value, String> text = value -> source.text().substring(value.span().start(), value.span().end());
    var model = iris.model();
    Value.Invocation updater = (Value.Invocation) model.updater();
    assertEquals("opt(lr = lr, momentum = momentum)", text.apply(updater));
    assertEquals("opt", text.apply(updater.callee()));
    assertEquals("momentum", text.apply(updater.arguments().get("momentum")));
    LayerItem.Repeat loop = (LayerItem.Repeat) model.layers().get(0);
    assertEquals("1", text.apply(loop.from()));
    LayerItem.Layer dense = (LayerItem.Layer) loop.body().get(0);
    Value.LayerParamRef units = (Value.LayerParamRef) dense.arguments().get("units");
    assertEquals("units[i]", text.apply(units));
    assertEquals("i", text.apply(units.index()));
    assertEquals("dense", source.text().substring(dense.kindSpan().start(), dense.kindSpan().end()));
    LayerItem.Layer output = (LayerItem.Layer) model.layers().get(1);
    assertEquals("mcxent", text.apply(output.arguments().get("loss")));
    assertEquals("standard", text.apply(iris.data().normalize()));
    assertEquals("40", text.apply(iris.train().epochs()));
  }

  @Test
  void defaultsSpanWhatLeftThemOut() {
    SourceFile source = new SourceFile("t.hyp", TestFiles.resource("diagnostics").resolve("t.hyp"), """
        experiment t {
          data { source = csv("data/iris.csv", label = "species") }
          model {
            dense(units = (2 * 4))
            output(loss = mcxent)
          }
          objective = minimize loss on validation
        }
        """);
    CheckedExperiment experiment = checkClean(source);
    Function<Value, String> text = value -> source.text().substring(value.span().start(), value.span().end());
    LayerItem.Layer dense = (LayerItem.Layer) experiment.model().layers().get(0);
    assertEquals(Value.of(8L, NONE), Unspanned.of(dense.arguments().get("units")), "folded");
    assertEquals("(2 * 4)", text.apply(dense.arguments().get("units")), "a value in parentheses spans them");
    assertEquals("dense(units = (2 * 4))", text.apply(dense.arguments().get("activation")), "the default `relu`");
    LayerItem.Layer output = (LayerItem.Layer) experiment.model().layers().get(1);
    assertEquals("mcxent", text.apply(output.arguments().get("activation")), "`softmax`, implied by the loss");
    assertEquals(NONE, experiment.train().epochs().span(), "no `train`: nothing was written");
  }

  @Test
  void irisTrainSearchAndObjective() {
    CheckedExperiment iris = iris();
    TrainSpec train = iris.train();
    assertEquals(Value.of(40L, NONE), Unspanned.of(train.epochs()));
    assertEquals(new Value.ParamRef("batch", NONE), Unspanned.of(train.batch()));
    assertEquals(new TrainSpec.EarlyStopping(5, 0.0), train.earlyStopping());
    assertNull(train.schedule());

    SearchSpec search = iris.search();
    assertEquals("tpe", search.strategy());
    assertEquals(40, search.trials());
    assertEquals(2, search.parallel());
    assertEquals(600L, search.timeoutSeconds());
    assertNull(search.target());
    assertNull(search.maxFailures());
    assertEquals(new SearchSpec.Pruner("asha", Map.of("min_epochs", 2L, "reduction", 3L)), search.pruner());
    assertEquals(10L, search.options().get("startup"), "tpe's default startup");

    assertEquals(new Objective(true, "accuracy", "validation"), iris.objective());
  }

  @Test
  void defaultsWhenTrainSearchAndParamsAreAbsent() {
    CheckedExperiment experiment = checkClean("""
        experiment plain {
          data {
            source = csv("data/iris.csv", label = "species")
          }
          model {
            dense(units = 8)
            output(loss = mcxent)
          }
          objective = minimize loss on validation
        }
        """);
    assertEquals("", experiment.description());
    assertEquals(0, experiment.seed());
    assertEquals(List.of(), experiment.params());
    SearchSpec search = experiment.search();
    assertEquals("auto", search.strategy());
    assertEquals(20, search.trials());
    assertEquals(1, search.parallel());
    assertNull(search.timeoutSeconds());
    assertEquals("none", search.pruner().name());
    TrainSpec train = experiment.train();
    assertEquals(Value.of(10L, NONE), Unspanned.of(train.epochs()));
    assertEquals(Value.of(32L, NONE), Unspanned.of(train.batch()));
    assertNull(train.earlyStopping());
    assertNull(train.schedule());
    DataSpec data = experiment.data();
    assertEquals(new DataSpec.Holdout(0.2, 0.0), data.split());
    assertEquals(new Value.Symbol("none", NONE), Unspanned.of(data.normalize()));
    assertFalse(data.hasTest());

    LayerItem.Layer dense = (LayerItem.Layer) experiment.model().layers().get(0);
    assertEquals(new Value.Symbol("relu", NONE), Unspanned.of(dense.arguments().get("activation")), "dense's default activation");
    LayerItem.Layer output = (LayerItem.Layer) experiment.model().layers().get(1);
    assertEquals(new Value.Symbol("softmax", NONE), Unspanned.of(output.arguments().get("activation")), "implied by `mcxent`");
    assertEquals(Task.CLASSIFICATION, experiment.task());
  }

  @Test
  void gridWithoutTrialsRunsTheWholeGrid() {
    CheckedExperiment experiment = checkClean("""
        experiment g {
          data {
            source = csv("data/iris.csv", label = "species")
            split  = kfold(5)
          }
          params {
            units = choice(8, 16, 32)
            rate  = uniform(0.0, 0.3, step = 0.1)
            act   = relu
          }
          model {
            dense(units = units, activation = act)
            dropout(rate = rate)
            output(activation = identity, loss = mse)
          }
          search grid {}
          objective = minimize rmse on validation
        }
        """);
    assertEquals("grid", experiment.search().strategy());
    assertEquals(12, experiment.search().trials(), "3 units x 4 rates x 1 constant");
    assertEquals(Task.REGRESSION, experiment.task());
    assertEquals(new DataSpec.KFold(5), experiment.data().split());
    assertEquals(new Distribution.Constant("relu", true), experiment.params().get(2).distribution());
  }

  @Test
  void regressionAndImageSamples() {
    CheckedExperiment friedman = checkClean(TestFiles.sample(TestFiles.samplesDirectory().resolve("friedman_regression.hyp")));
    assertEquals(Task.REGRESSION, friedman.task());
    assertEquals(new TrainSpec.EarlyStopping(8, 1e-3), friedman.train().earlyStopping());
    assertInstanceOf(TrainSpec.CosineSchedule.class, friedman.train().schedule());
    assertEquals(new Objective(false, "rmse", "validation"), friedman.objective());
    ParamSpec units = friedman.params().get(2);
    assertEquals(new Distribution.IntRange(16, 128, true, null), units.distribution());
    assertEquals(3, units.maxLayers());

    CheckedExperiment shapes = checkClean(TestFiles.sample(TestFiles.samplesDirectory().resolve("shapes_cnn.hyp")));
    assertEquals(new DataSpec.ImageShape(8, 8, 1), shapes.data().shape());
    assertEquals("random", shapes.search().strategy());
  }

  @Test
  void aSpecWithErrorsHasNoCheckedExperiment() {
    CheckResult result = compiler.check(new SourceFile("t.hyp", null, """
        experiment t {
          data { source = csv("x.csv", label = "y") }
          model { output(activation = softmax, loss = mse) }
          objective = maximize accuracy on validation
        }
        """));
    assertTrue(result.hasErrors());
    assertNull(result.experiment());
  }

  @Test
  void withoutAFilePathDataFilesAreNotLookedFor() {
    CheckResult result = compiler.check(SourceFile.of("t.hyp", """
        experiment t {
          data { source = csv("nowhere.csv", label = "y") }
          model { output(loss = mcxent) }
          objective = maximize accuracy on validation
        }
        """));
    assertEquals(List.of(), result.diagnostics());
    assertNull(result.experiment().specFile());
  }
}
