package dev.hyp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.source.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The views tools read (the language server): the vocabulary as the checker checks it, and parameter references. */
class ToolViewsTest {
  @Test
  void settingsAreTheOnesTheCheckerKnowsWithTheirDefaultsAndRanges() {
    assertEquals(List.of("source", "test", "split", "normalize", "shape", "encoding", "features", "drop", "missing",
        "indicator", "max_onehot", "class_weights"),
        Vocabulary.settings("data").stream().map(Vocabulary.Entry::name).toList());
    Vocabulary.Entry trials = Vocabulary.setting("search", "trials").orElseThrow();
    assertEquals("20", trials.defaultValue());
    assertEquals("at least 1 and at most 1000000", trials.range());
    Vocabulary.Entry normalize = Vocabulary.setting("data", "normalize").orElseThrow();
    assertEquals(List.of("none", "standard", "minmax"), normalize.values());
    assertEquals("\"\"", Vocabulary.setting("", "description").orElseThrow().defaultValue());
  }

  @Test
  void callablesCarryTheirArguments() {
    Vocabulary.Callable dense = Vocabulary.callable("dense").orElseThrow();
    assertEquals("layer", dense.kind());
    Vocabulary.Entry units = dense.argument("units").orElseThrow();
    assertTrue(units.required());
    assertEquals("at least 1", units.range(), "the int cap of every whole number is not a range worth saying");
    assertEquals("relu", dense.argument("activation").orElseThrow().defaultValue());
    assertTrue(dense.argument("activation").orElseThrow().values().contains("gelu"));
    assertEquals(List.of("lo", "hi"), Vocabulary.callable("loguniform").orElseThrow().arguments().stream()
        .map(Vocabulary.Entry::name).toList());
    assertEquals("0.9", Vocabulary.callable("nesterovs").orElseThrow().argument("momentum").orElseThrow()
        .defaultValue());
    assertEquals(List.of("dense", "dropout", "batchnorm", "conv2d", "maxpool", "avgpool", "lstm", "output"),
        Vocabulary.layers().stream().map(Vocabulary.Callable::name).toList());
  }

  @Test
  void aNameCanBeSeveralSymbols() {
    assertEquals(List.of("activation", "weight init"), Vocabulary.symbol("relu").stream()
        .map(Vocabulary.Symbol::kind).toList());
    assertEquals(List.of("loss", "metric"), Vocabulary.symbol("mse").stream().map(Vocabulary.Symbol::kind).toList());
  }

  @Test
  void parameterReferencesAreEveryPlaceANameReadsAParameter() throws Exception {
    String text = Files.readString(Path.of("../samples/iris.hyp"));
    var parsed = new Compiler().parse(SourceFile.of("iris.hyp", text));
    ParamReferences references = ParamReferences.of(parsed.experiment());
    assertEquals(List.of("lr", "depth", "units", "act", "dropout", "batch", "opt", "momentum", "l2"),
        references.all().stream().map(ParamReferences.Param::name).toList());
    ParamReferences.Param opt = references.get("opt").orElseThrow();
    assertEquals(List.of(text.indexOf("opt == nesterovs"), text.indexOf("opt(lr")), starts(opt.references()));
    ParamReferences.Param dropout = references.get("dropout").orElseThrow();
    assertEquals(List.of(text.indexOf("rate = dropout") + "rate = ".length()), starts(dropout.references()),
        "the layer `dropout(...)` is not the parameter");
    assertEquals("depth", references.at(text.indexOf("1..depth") + 4).orElseThrow().name());
    assertTrue(references.at(text.indexOf("experiment")).isEmpty());
  }

  private static List<Integer> starts(List<Span> spans) {
    return spans.stream().map(Span::start).toList();
  }
}
