package dev.hyp.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.build.ExperimentBuild;
import dev.hyp.compiler.build.InMemoryClassLoader;
import dev.hyp.compiler.build.ProcessClasspath;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whatever names and strings a spec holds, the generated Java compiles and means exactly the
 * spec: each test compiles a hostile spec, loads it, and reads the values back.
 */
class GeneratedCodeSafetyTest {

  private static Experiment<?> load(String spec) throws Exception {
    SourceFile source = SourceFile.of("hostile.hyp", spec);
    CheckResult checked = new Compiler().check(source);
    assertNotNull(checked.experiment(), new DiagnosticRenderer().renderAll(source, checked.diagnostics()));
    ExperimentBuild.Compiled compiled = new ExperimentBuild().build(checked.experiment(), source, ProcessClasspath.entries());
    ClassLoader loader = new InMemoryClassLoader(compiled.entries(), GeneratedCodeSafetyTest.class.getClassLoader());
    return (Experiment<?>) loader.loadClass(compiled.mainClass()).getConstructor().newInstance();
  }

  private static String spec(String name, String description, String params, String model) {
    return "experiment " + name + " {\n  description = " + description + "\n"
        + "  data {\n    source = csv(\"d.csv\", label = \"y\")\n  }\n"
        + "  params {\n" + params + "  }\n"
        + "  model {\n" + model + "    output(activation = softmax, loss = mcxent)\n  }\n"
        + "  objective = maximize accuracy on validation\n}\n";
  }

  @Test
  void quotesBackslashesAndCommentEndsInStringsStayStrings() throws Exception {
    String description = "\"say \\\"hi\\\" to C:\\\\temp\\\\ */ /* \\\\u000a done\"";
    Experiment<?> experiment = load(spec("strings", description, "    tag = choice(\"a\\\"b\", \"*/\", \"\\\\u000a\")\n"
        + "    units = 8\n", "    dense(units = units)\n"));
    assertEquals("say \"hi\" to C:\\temp\\ */ /* \\u000a done", experiment.definition().description());
    assertEquals(List.of("a\"b", "*/", "\\u000a"),
        ((dev.hyp.runtime.space.CategoricalDistribution) experiment.searchSpace().param("tag").distribution()).choices());
  }

  @Test
  void newlinesTabsAndNonAsciiInStringsSurvive() throws Exception {
    String spec = spec("unicode", "\"naïve café 日本語 ✓\\n\\tnext line\"",
        "    units = choice(8, 16)\n", "    dense(units = units)\n");
    Experiment<?> experiment = load(spec);
    assertEquals("naïve café 日本語 ✓\n\tnext line", experiment.definition().description());
    assertEquals(spec, experiment.definition().specText(), "the spec a run keeps is the spec as written");
  }

  @Test
  void javaKeywordsAsParameterAndExperimentNames() throws Exception {
    Experiment<?> experiment = load(spec("class", "\"keywords\"",
        "    int = int(8, 16)\n    new = choice(relu, tanh)\n    default = uniform(0.0, 0.5)\n    this = 1e-4\n",
        "    l2 = this\n    dense(units = int, activation = new)\n    dropout(rate = default)\n"));
    assertEquals("class", experiment.definition().name());
    SearchSpace space = experiment.searchSpace();
    assertEquals(List.of("int", "new", "default", "this"), space.params().stream().map(p -> p.name()).toList());
    Object params = paramsOf(experiment, ParamValues.of(Map.of("int", 12L, "new", "tanh", "default", 0.25, "this", 1e-4)));
    assertEquals("ClassParams[int_=12, new_=tanh, default_=0.25, this_=1.0E-4]", params.toString());
  }

  @Test
  void namesThatDifferOnlyByUnderscoresOrCaseStayDistinct() throws Exception {
    Experiment<?> experiment = load(spec("names", "\"\"",
        "    units = choice(8, 16)\n    Units = choice(32, 64)\n    _units = choice(1, 2)\n    unit_s = 4\n",
        "    dense(units = units + Units + _units + unit_s)\n"));
    Object params = paramsOf(experiment, ParamValues.of(Map.of("units", 8L, "Units", 64L, "_units", 2L, "unit_s", 4L)));
    assertEquals("NamesParams[units=8, units_=64, _units=2, unitS=4]", params.toString());
  }

  @SuppressWarnings("unchecked")
  private static Object paramsOf(Experiment<?> experiment, ParamValues values) {
    return ((Experiment<Object>) experiment).params(values);
  }
}
