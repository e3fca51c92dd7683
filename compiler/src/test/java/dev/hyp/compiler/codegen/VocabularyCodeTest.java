package dev.hyp.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.build.ExperimentBuild;
import dev.hyp.compiler.build.InMemoryClassLoader;
import dev.hyp.compiler.build.ProcessClasspath;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.experiment.TrialSettings;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.PrunerKind;
import dev.hyp.runtime.vocab.Strategy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parameters that choose vocabulary names are typed by the vocabulary where the spec uses them
 * in one kind of place, and are converted at each use where it uses them in several; per-layer
 * and conditional ones too.
 */
class VocabularyCodeTest {
  private static final String SPEC = """
      experiment typed {
        data {
          source    = csv("d.csv", label = "y")
          normalize = norm
        }
        params {
          norm       = choice(none, standard)
          depth      = int(1, 2)
          act[depth] = choice(relu, tanh)
          both       = relu
          opt        = choice(adam, sgd)
          lossy      = choice(mse, mae)
          late       = tanh if opt == sgd
        }
        model {
          updater     = opt(lr = 0.01)
          weight_init = both
          for i in 1..depth {
            dense(units = 4 * i, activation = act[i])
          }
          dense(units = 3, activation = both)
          dense(units = 2, activation = late)
          output(activation = identity, loss = lossy)
        }
        search random {
          trials = 3
          pruner = hyperband(reduction = 2)
        }
        objective = minimize mse on validation
      }
      """;

  private static String source(String suffix) {
    SourceFile source = SourceFile.of("typed.hyp", SPEC);
    CheckResult checked = new Compiler().check(source);
    assertNotNull(checked.experiment(), new DiagnosticRenderer().renderAll(source, checked.diagnostics()));
    return new JavaGenerator().generate(checked.experiment(), "typed.hyp", SPEC).sources().stream()
        .filter(s -> s.className().endsWith(suffix)).findFirst().orElseThrow().text();
  }

  @Test
  void parametersAreTypedByTheVocabularyTheyChooseFrom() {
    String params = source("TypedParams");
    assertTrue(params.contains("record TypedParams(Normalization norm, long depth, List<Activation> act, String both,\n"
        + "    Updater opt, Loss lossy, Activation late)"), params);
    assertTrue(params.contains("LayerValues.symbols(values, \"act\", Activation::of)"), params);
    assertTrue(params.contains("Normalization.of(values.getString(\"norm\"))"), params);
    assertTrue(params.contains("values.has(\"late\") ? Activation.of(values.getString(\"late\")) : null"), params);
    String experiment = source("TypedExperiment");
    assertTrue(experiment.contains("network.weightInit(WeightInit.of(p.both()));"), experiment);
    assertTrue(experiment.contains("network.dense(3, Activation.of(p.both()));"), experiment);
    assertTrue(experiment.contains("network.dense(2, (p.late() != null ? p.late() : Activation.RELU));"), experiment);
    assertTrue(experiment.contains("network.dense(Numbers.toInt(4L * i), p.act(i));"), experiment);
    assertTrue(experiment.contains(".pruner(PrunerKind.HYPERBAND, Map.of(\"reduction\", 2L, \"max_epochs\", 10L))"),
        experiment);
    assertTrue(experiment.contains("TrialSettings.of(p.lossy())"), experiment);
    assertTrue(experiment.contains(".withNormalize(p.norm())"), experiment);
    String network = experiment.substring(experiment.indexOf("void network("), experiment.indexOf("training("));
    assertFalse(network.contains("\"relu\"") || network.contains("\"tanh\""), network); // names are constants
  }

  @Test
  void theCompiledExperimentReadsTrialsIntoTheVocabulary() throws Exception {
    SourceFile source = SourceFile.of("typed.hyp", SPEC);
    CheckResult checked = new Compiler().check(source);
    ExperimentBuild.Compiled compiled = new ExperimentBuild().build(checked.experiment(), source,
        ProcessClasspath.entries());
    ClassLoader loader = new InMemoryClassLoader(compiled.entries(), getClass().getClassLoader());
    @SuppressWarnings("unchecked")
    Experiment<Object> experiment = (Experiment<Object>) loader.loadClass(compiled.mainClass())
        .getConstructor().newInstance();
    Object params = experiment.params(ParamValues.of(Map.of("norm", "standard", "depth", 2L, "act[1]", "tanh",
        "act[2]", "relu", "both", "identity", "opt", "adam", "lossy", "mae")));
    assertEquals("TypedParams[norm=standard, depth=2, act=[tanh, relu], both=identity, opt=adam, lossy=mae, "
        + "late=null]", params.toString());
    TrialSettings settings = experiment.training(params);
    assertEquals(Loss.MAE, settings.loss());
    assertEquals(Normalization.STANDARD, settings.normalize());
    assertEquals(Strategy.RANDOM, experiment.definition().search().strategy());
    assertEquals(PrunerKind.HYPERBAND, experiment.definition().search().pruner());
    assertEquals(Map.of("reduction", 2L, "max_epochs", 10L), experiment.definition().search().prunerOptions());
  }
}
