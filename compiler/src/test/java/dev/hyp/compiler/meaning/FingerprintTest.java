package dev.hyp.compiler.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edits of samples/iris.hyp that keep the study's identity (layout, comments, `description`,
 * order of items, loop variable names, budget) and edits that change it (anything a trial's
 * numbers depend on, or the space searched).
 */
class FingerprintTest {
  private static final String IRIS = TestFiles.read(TestFiles.samplesDirectory().resolve("iris.hyp"));

  static Stream<Arguments> sameMeaning() {
    return Stream.of(
        edit("laid out messily", FingerprintTest::messy),
        edit("comments added", text -> "// a new first line\n" + text.replace("  model {", "  /* why */ model {")
            .replace("    epochs ", "    // forty is plenty\n    epochs ")),
        edit("comments removed", text -> text.replaceAll("//[^\n]*", "")),
        edit("description changed", text -> text.replace("3-class MLP on Iris", "the iris flowers, again")),
        edit("description removed", text -> text.replace("  description = \"3-class MLP on Iris\"\n", "")),
        edit("params reordered", text -> moveLine(text, "    lr           = loguniform", "    l2           = 1e-4")),
        edit("data settings reordered", text -> moveLine(text, "    source    = csv", "    normalize = standard")),
        edit("model settings reordered", text -> moveLine(text, "    updater     = opt", "    l2          = l2")),
        edit("train settings reordered",
            text -> moveLine(text, "    epochs         = 40", "    batch          = batch")),
        edit("search settings reordered", text -> moveLine(text, "    trials   = 40", "    pruner   = asha")),
        edit("named arguments reordered", text -> text
            .replace("asha(min_epochs = 2, reduction = 3)", "asha(reduction = 3, min_epochs = 2)")
            .replace("opt(lr = lr, momentum = momentum)", "opt(momentum = momentum, lr = lr)")
            .replace("dense(units = units[i], activation = act)", "dense(activation = act, units = units[i])")),
        edit("loop variable renamed", text -> text.replace("for i in", "for layer in")
            .replace("units[i]", "units[layer]")),
        edit("trials raised", text -> text.replace("trials   = 40", "trials   = 60")),
        edit("refit turned on", text -> text.replace("    trials   = 40\n", "    trials   = 40\n    refit = true\n")),
        edit("parallel and timeout changed", text -> text.replace("parallel = 2", "parallel = 4")
            .replace("timeout  = 10m", "timeout  = 2h")),
        edit("timeout removed", text -> text.replace("    timeout  = 10m\n", "")),
        edit("the default encoding written out", text -> text.replace("    normalize = standard",
            "    normalize = standard\n    encoding = onehot")),
        edit("target and max_failures added", text -> text.replace("    parallel = 2\n",
            "    parallel = 2\n    target = 0.99\n    max_failures = 3\n")));
  }

  static Stream<Arguments> differentMeaning() {
    return Stream.of(
        edit("a range narrowed", text -> text.replace("loguniform(1e-4, 1e-1)", "loguniform(1e-3, 1e-1)")),
        edit("a range made linear", text -> text.replace("loguniform(1e-4, 1e-1)", "uniform(1e-4, 1e-1)")),
        edit("a step changed", text -> text.replace("step = 0.05", "step = 0.1")),
        edit("a choice gained a value",
            text -> text.replace("choice(relu, tanh, elu)", "choice(relu, tanh, elu, gelu)")),
        edit("a choice lost a value", text -> text.replace("choice(16, 32, 64)", "choice(16, 32)")),
        edit("a choice reordered", text -> text.replace("choice(relu, tanh, elu)", "choice(tanh, relu, elu)")),
        edit("a constant changed", text -> text.replace("l2           = 1e-4", "l2           = 1e-3")),
        edit("a constant turned into a range", text -> text.replace("l2           = 1e-4",
            "l2           = loguniform(1e-5, 1e-3)")),
        edit("a condition changed", text -> text.replace("if opt == nesterovs", "if opt != adam")),
        edit("the data path changed", text -> text.replace("data/iris.csv", "data/iris-v2.csv")),
        edit("the label changed", text -> text.replace("label = \"species\"", "label = \"kind\"")),
        edit("the split changed",
            text -> text.replace("validation = 0.2, test = 0.1", "validation = 0.25, test = 0.1")),
        edit("the normalization changed", text -> text.replace("normalize = standard", "normalize = minmax")),
        edit("a column dropped", text -> text.replace("    normalize = standard",
            "    normalize = standard\n    drop = [\"sepal_width\"]")),
        edit("the features chosen", text -> text.replace("    normalize = standard",
            "    normalize = standard\n    features = [\"petal_length\", \"petal_width\"]")),
        edit("the missing-value rule set", text -> text.replace("    normalize = standard",
            "    normalize = standard\n    missing = median\n    indicator = true")),
        edit("a column declared", text -> text.replace("    normalize = standard",
            "    normalize = standard\n    column(\"sepal_length\", kind = category)")),
        edit("the one-hot cap set", text -> text.replace("    normalize = standard",
            "    normalize = standard\n    max_onehot = 5")),
        edit("class weights set", text -> text.replace("    normalize = standard",
            "    normalize = standard\n    class_weights = balanced")),
        edit("the category encoding set", text -> text.replace("    normalize = standard",
            "    normalize = standard\n    encoding = embedding")),
        edit("a column embedded", text -> text.replace("    normalize = standard",
            "    normalize = standard\n    column(\"sepal_length\", kind = category, encoding = embedding, dim = 3)")),
        edit("a layer added",
            text -> text.replace("    output(", "    dense(units = 8, activation = relu)\n    output(")),
        edit("layers swapped", text -> text.replace("      dense(units = units[i], activation = act)\n"
            + "      dropout(rate = dropout)\n", "      dropout(rate = dropout)\n"
            + "      dense(units = units[i], activation = act)\n")),
        edit("a layer's argument changed", text -> text.replace("activation = act)", "activation = tanh)")),
        edit("the weight init changed", text -> text.replace("weight_init = xavier", "weight_init = relu")),
        edit("the seed changed", text -> text.replace("seed        = 42", "seed        = 43")),
        edit("the epochs changed", text -> text.replace("epochs         = 40", "epochs         = 41")),
        edit("early stopping changed", text -> text.replace("patience(5)", "patience(6)")),
        edit("the objective's metric changed", text -> text.replace("maximize accuracy", "maximize f1")),
        edit("the objective's direction changed", text -> text.replace("maximize accuracy", "minimize loss")),
        edit("the objective's split changed", text -> text.replace("on validation", "on test")),
        edit("the strategy changed", text -> text.replace("search tpe", "search random")),
        edit("a strategy option set",
            text -> text.replace("    trials   = 40\n", "    trials   = 40\n    startup = 5\n")),
        edit("the pruner changed", text -> text.replace("asha(min_epochs = 2, reduction = 3)", "median()")),
        edit("a parameter added", text -> text.replace("    l2           = 1e-4",
            "    l2           = 1e-4\n    l1 = uniform(0.0, 0.01)")
            .replace("    l2          = l2", "    l2 = l2\n    l1 = l1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameMeaning")
  void anEditThatKeepsTheMeaningKeepsTheFingerprint(String name, UnaryOperator<String> edit) {
    String edited = edit.apply(IRIS);
    assertNotEquals(IRIS, edited, "the edit changed nothing");
    assertEquals(fingerprint(IRIS), fingerprint(edited));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("differentMeaning")
  void anEditOfTheMeaningChangesTheFingerprint(String name, UnaryOperator<String> edit) {
    String edited = edit.apply(IRIS);
    assertNotEquals(IRIS, edited, "the edit changed nothing");
    assertNotEquals(fingerprint(IRIS), fingerprint(edited));
  }

  /** `hyp fmt` of a messy layout of each sample, and of the sample itself. */
  @ParameterizedTest
  @MethodSource("dev.hyp.compiler.testing.TestFiles#samples")
  void formattingKeepsTheFingerprint(Path sample) {
    String text = TestFiles.read(sample);
    String messy = messy(text);
    String formatted = format(messy);
    assertNotEquals(messy, formatted, "formatting changed nothing");
    assertEquals(fingerprint(text), fingerprint(messy));
    assertEquals(fingerprint(messy), fingerprint(formatted));
    assertEquals(fingerprint(text), fingerprint(format(text)));
  }

  /** The budget is in the document (the runtime reads it there) but not in the identity. */
  @Test
  void theBudgetChangesTheDocumentButNotTheFingerprint() {
    String edited = IRIS.replace("trials   = 40", "trials   = 60");
    assertNotEquals(SpecMeaning.of(checked(IRIS)), SpecMeaning.of(checked(edited)));
    assertTrue(SpecMeaning.of(checked(edited)).contains("\"trials\": 60"));
  }

  /** `refit` says what to do after the search: the study continues, and a spec without it means what it meant. */
  @Test
  void turningRefitOnContinuesTheStudy() {
    String edited = IRIS.replace("    trials   = 40\n", "    trials   = 40\n    refit = true\n");
    dev.hyp.runtime.version.Edit edit = dev.hyp.runtime.version.EditComparison.compare(
        dev.hyp.runtime.version.SpecMeaning.parse(SpecMeaning.of(checked(IRIS))),
        dev.hyp.runtime.version.SpecMeaning.parse(SpecMeaning.of(checked(edited))));
    assertEquals(dev.hyp.runtime.version.Edit.Kind.BUDGET, edit.kind());
    assertTrue(edit.kind().continues());
    assertTrue(SpecMeaning.of(checked(edited)).contains("\"refit\": true"));
    assertTrue(!SpecMeaning.of(checked(IRIS)).contains("refit"), "refit = false is not written: older documents match");
  }

  @Test
  void nestedLoopVariablesAreTheirDepthsWhateverTheirNames() {
    String nested = """
        experiment nested {
          data {
            source = csv("d.csv", label = "y")
          }
          model {
            for i in 1..2 {
              for j in 1..3 {
                dense(units = i * 8 + j)
              }
            }
            output(activation = softmax, loss = mcxent)
          }
          objective = maximize accuracy on validation
        }
        """;
    String renamed = nested.replace("for i", "for outer").replace("for j", "for inner")
        .replace("i * 8 + j", "outer * 8 + inner");
    String swapped = nested.replace("i * 8 + j", "j * 8 + i");
    assertEquals(fingerprint(nested), fingerprint(renamed));
    assertNotEquals(fingerprint(nested), fingerprint(swapped));
    assertTrue(SpecMeaning.of(checked(nested)).contains("\"loop\": 1"), SpecMeaning.of(checked(nested)));
  }

  @Test
  void theFingerprintIsSha256Hex() {
    assertTrue(fingerprint(IRIS).matches("[0-9a-f]{64}"), fingerprint(IRIS));
  }

  private static Arguments edit(String name, UnaryOperator<String> edit) {
    return Arguments.of(name, edit);
  }

  private static String fingerprint(String text) {
    return SpecMeaning.fingerprint(checked(text));
  }

  private static dev.hyp.compiler.model.CheckedExperiment checked(String text) {
    SourceFile source = SourceFile.of("edited.hyp", text);
    CheckResult result = new Compiler().check(source);
    assertTrue(result.experiment() != null && !result.hasErrors(),
        () -> "the edited spec does not check:\n" + text + "\n"
            + new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    return result.experiment();
  }

  /** The same spec with its alignment undone and blank lines added: what `hyp fmt` cleans up. */
  private static String messy(String text) {
    return text.replaceAll(" +=", " =").replaceAll("= +", "=  ").replace("{\n", "{\n\n").replace("  ", "\t");
  }

  private static String format(String text) {
    ParseResult parsed = new Compiler().parse(SourceFile.of("messy.hyp", text));
    assertTrue(parsed.succeeded(), parsed.diagnostics().toString());
    return Formatter.format(text, parsed.experiment(), parsed.comments());
  }

  /** Moves the line starting with {@code line} to just after the line starting with {@code after}. */
  private static String moveLine(String text, String line, String after) {
    int start = text.indexOf(line);
    assertTrue(start >= 0 && text.contains(after), line + " / " + after);
    int end = text.indexOf('\n', start) + 1;
    String moved = text.substring(start, end);
    String without = text.substring(0, start) + text.substring(end);
    int target = without.indexOf(after);
    int targetEnd = without.indexOf('\n', target) + 1;
    return without.substring(0, targetEnd) + moved + without.substring(targetEnd);
  }

}
