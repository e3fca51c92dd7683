package dev.hyp.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `hyp lsp` over the protocol, as an editor drives it: one server process, a document per test. */
class LanguageServerTest {
  private static final Path IRIS = Path.of("../samples/iris.hyp").toAbsolutePath().normalize();
  private static ServerProcess lsp;
  private static String iris;
  private static int documents;

  @BeforeAll
  static void start() throws Exception {
    iris = Files.readString(IRIS, StandardCharsets.UTF_8);
    lsp = new ServerProcess();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      assertEquals(0, lsp.shutdown(), "`hyp lsp` exits 0 after shutdown and exit");
    } finally {
      lsp.close();
    }
  }

  @Test
  void aMistakeTypedIntoASampleGetsTheCheckersDiagnosticWithItsCodeAndRange() throws Exception {
    String uri = IRIS.toUri().toString();
    lsp.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
        new TextDocumentItem(uri, "hyp", 1, iris)));
    assertEquals(List.of(), lsp.nextDiagnostics(uri).params().getDiagnostics(), "the sample checks clean");

    // type one letter away: `softmax` becomes `softmx`, then a second keystroke `softmxx`
    int at = iris.indexOf("softmax") + "softm".length();
    Range deleted = new Range(position(iris, at), position(iris, at + 1));
    for (int keystroke = 0; keystroke < 3; keystroke++) {
      long typed = System.nanoTime();
      String replacement = keystroke == 0 ? "" : "x";
      Range range = keystroke == 0 ? deleted : new Range(position(iris, at), position(iris, at));
      lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
          new VersionedTextDocumentIdentifier(uri, 2 + keystroke),
          List.of(new TextDocumentContentChangeEvent(range, replacement))));
      ServerProcess.Received received = lsp.nextDiagnostics(uri);
      assertEquals(2 + keystroke, received.params().getVersion());
      System.out.printf("hyp lsp: diagnostics %.1f ms after change %d%n", (received.nanos() - typed) / 1e6,
          keystroke + 1);
      if (keystroke == 0) {
        Diagnostic diagnostic = received.params().getDiagnostics().get(0);
        assertEquals(1, received.params().getDiagnostics().size());
        assertEquals("HYP012", diagnostic.getCode().getLeft());
        assertEquals(DiagnosticSeverity.Error, diagnostic.getSeverity());
        int line = (int) iris.substring(0, at).chars().filter(c -> c == '\n').count();
        int column = at - "softm".length() - iris.lastIndexOf('\n', at) - 1;
        assertEquals(new Range(new Position(line, column), new Position(line, column + "softmx".length())),
            diagnostic.getRange());
        assertTrue(diagnostic.getMessage().getLeft().startsWith("unknown activation `softmx`"), diagnostic.getMessage().getLeft());
        assertTrue(diagnostic.getMessage().getLeft().contains("= help: did you mean `softmax`?"), diagnostic.getMessage().getLeft());
      }
    }
    lsp.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    assertEquals(List.of(), lsp.nextDiagnostics(uri).params().getDiagnostics(), "closing clears its diagnostics");
  }

  @Test
  void hoverSaysWhatASettingLayerArgumentActivationAndParameterAre() throws Exception {
    String uri = open(iris);
    assertHover(uri, "normalize = standard", "setting of `data`", "a normalization", "default `none`");
    assertHover(uri, "dense(units", "layer", "`units`: an integer, at least 1; required",
        "`activation`: an activation; default `relu`");
    assertHover(uri, "units = units[i]", "argument of `dense`", "an integer, at least 1; required");
    assertHover(uri, "softmax, loss", "activation");
    assertHover(uri, "mcxent", "loss", "classification");
    assertHover(uri, "lr, momentum = momentum", "lr = loguniform(1e-4, 1e-1)", "searched parameter", "used once");
    assertHover(uri, "momentum = momentum)", "argument of `nesterovs` (through `opt`)", "a number, at least 0 and at "
        + "most 1; default `0.9`");
    assertHover(uri, "42\n", (String) null);
    assertHover(uri, "pruner   = asha", "setting of `search`", "default `none`");
    assertHover(uri, "asha(min_epochs", "pruner", "`min_epochs`: an integer, at least 1; default `1`");
    assertHover(uri, "momentum     = uniform", "if opt == nesterovs", "only in trials where `opt == nesterovs`");
    assertHover(uri, "dropout(rate", "layer", "`rate`: a number, at least 0 and at most 0.99; required");
  }

  @Test
  void completionOffersWhatFitsWhereTheCursorIs() throws Exception {
    assertCompletion(iris, "weight_init = xavier\n", "    ", List.of("dense", "output", "conv2d", "for", "weight_init", "l2"),
        List.of("source", "epochs"));
    // while the text does not parse: a call left open as it is typed
    assertCompletion(iris, "dense(units = units[i], ", "", List.of("activation"), List.of("loss"));
    assertCompletion(iris, "dense(units = units[i], activation = ", "", List.of("relu", "softmax", "act"),
        List.of("mcxent"));
    assertCompletion(iris, "output(activation = softmax, loss = ", "", List.of("mcxent", "mse"), List.of("relu"));
    assertCompletion(iris, "updater     = ", "", List.of("adam", "sgd", "opt"), List.of("relu"));
    assertCompletion(iris, "normalize = ", "", List.of("standard", "minmax", "none"), List.of());
    assertCompletion(iris, "lr           = ", "", List.of("loguniform", "uniform", "choice"), List.of("adam"));
    assertCompletion(iris, "  search tpe {\n", "    ", List.of("trials", "pruner", "startup", "gamma"),
        List.of("population", "epochs"));
    assertCompletion(iris, "  search tpe {\n    trials   = 40\n    parallel = 2\n    timeout  = 10m\n    pruner   = ",
        "", List.of("asha", "median", "hyperband", "none"), List.of("lr"));
    assertCompletion(iris, "objective = maximize ", "", List.of("accuracy", "f1", "auc"), List.of());
    assertCompletion(iris, "objective = maximize accuracy on ", "", List.of("validation", "test"), List.of());
    assertCompletion(iris, "  seed        = 42\n", "  ", List.of("data", "params", "search", "objective", "description"),
        List.of("dense"));
    assertCompletion(iris, "  train {\n", "    ea", List.of("early_stopping"), List.of("epochs"));
    assertCompletion(iris, "dropout(rate = ", "", List.of("dropout", "lr"), List.of());
  }

  @Test
  void definitionAndReferencesOfAParameter() throws Exception {
    String uri = open(iris);
    int use = iris.indexOf("units = units[i]") + "units = ".length() + 2;
    List<? extends Location> definition = lsp.server.getTextDocumentService()
        .definition(new DefinitionParams(new TextDocumentIdentifier(uri), position(iris, use))).get().getLeft();
    int declared = iris.indexOf("units[depth]");
    assertEquals(List.of(new Location(uri, range(iris, declared, "units".length()))), definition);

    int depth = iris.indexOf("depth        = int");
    List<? extends Location> references = lsp.server.getTextDocumentService().references(new ReferenceParams(
        new TextDocumentIdentifier(uri), position(iris, depth + 1), new ReferenceContext(true))).get();
    List<Integer> starts = references.stream().map(l -> offset(iris, l.getRange().getStart())).sorted().toList();
    assertEquals(List.of(depth, iris.indexOf("units[depth]") + "units[".length(), iris.indexOf("1..depth") + 3),
        starts, "declared, the per-layer bound, the loop's end");
    List<? extends Location> dropout = lsp.server.getTextDocumentService().references(new ReferenceParams(
        new TextDocumentIdentifier(uri), position(iris, iris.indexOf("rate = dropout") + 8),
        new ReferenceContext(false))).get();
    assertEquals(1, dropout.size(), "`dropout(rate = dropout)` reads the parameter once; the layer is not it");
  }

  @Test
  void renamingAParameterRenamesItEverywhereAndTheSpecStillChecks() throws Exception {
    String uri = open(iris);
    int at = iris.indexOf("opt          = choice");
    WorkspaceEdit edit = lsp.server.getTextDocumentService().rename(new RenameParams(
        new TextDocumentIdentifier(uri), position(iris, at), "optimizer")).get();
    List<TextEdit> edits = edit.getChanges().get(uri);
    assertEquals(3, edits.size(), "declaration, the condition, the updater");
    String renamed = apply(iris, edits);
    assertFalse(renamed.replaceAll("//[^\n]*", "").matches("(?s).*\\bopt\\b.*"), renamed);
    assertTrue(renamed.contains("if optimizer == nesterovs") && renamed.contains("updater     = optimizer(lr"));
    var checked = new Compiler().check(new SourceFile(IRIS.toString(), IRIS, renamed));
    assertEquals(List.of(), checked.diagnostics());

    ExecutionException keyword = assertThrows(ExecutionException.class, () -> lsp.server.getTextDocumentService()
        .rename(new RenameParams(new TextDocumentIdentifier(uri), position(iris, at), "for")).get());
    assertTrue(keyword.getCause().getMessage().contains("`for` is not a name"), keyword.getCause().getMessage());
    ExecutionException taken = assertThrows(ExecutionException.class, () -> lsp.server.getTextDocumentService()
        .rename(new RenameParams(new TextDocumentIdentifier(uri), position(iris, at), "lr")).get());
    assertTrue(taken.getCause().getMessage().contains("`lr` is already a parameter"));
  }

  @Test
  void formattingGivesWhatHypFmtWrites() throws Exception {
    String messy = iris.replace("  seed        = 42", "seed=42").replace("    epochs         = 40", "epochs   =  40");
    String uri = open(messy);
    List<? extends TextEdit> edits = lsp.server.getTextDocumentService().formatting(new DocumentFormattingParams(
        new TextDocumentIdentifier(uri), new FormattingOptions(2, true))).get();
    assertEquals(1, edits.size());
    String formatted = apply(messy, edits);
    var parsed = new Compiler().parse(SourceFile.of("x.hyp", messy));
    assertEquals(Formatter.format(messy, parsed.experiment(), parsed.comments()), formatted);
    assertEquals(iris, formatted, "the sample is formatted");

    String formattedUri = open(iris);
    assertEquals(List.of(), lsp.server.getTextDocumentService().formatting(new DocumentFormattingParams(
        new TextDocumentIdentifier(formattedUri), new FormattingOptions(2, true))).get());
  }

  @Test
  void theOutlineHasTheSectionsAndTheirItems() throws Exception {
    String uri = open(iris);
    List<DocumentSymbol> symbols = lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(
        new TextDocumentIdentifier(uri))).get().stream().map(e -> e.getRight()).toList();
    assertEquals(1, symbols.size());
    DocumentSymbol experiment = symbols.get(0);
    assertEquals("iris", experiment.getName());
    assertEquals(List.of("description", "seed", "data", "params", "model", "train", "search tpe", "objective"),
        experiment.getChildren().stream().map(DocumentSymbol::getName).toList());
    DocumentSymbol model = experiment.getChildren().get(4);
    assertEquals(List.of("updater", "weight_init", "l2", "for i in 1..depth", "output"),
        model.getChildren().stream().map(DocumentSymbol::getName).toList());
    assertEquals(List.of("dense", "dropout"),
        model.getChildren().get(3).getChildren().stream().map(DocumentSymbol::getName).toList());
  }

  private static void assertHover(String uri, String near, String... expected) throws Exception {
    int at = iris.indexOf(near);
    assertTrue(at >= 0, near);
    Hover hover = lsp.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
        position(iris, at + 1))).get(30, TimeUnit.SECONDS);
    if (expected[0] == null) {
      assertNull(hover, "no hover for " + near);
      return;
    }
    assertNotNull(hover, "a hover for " + near);
    String text = hover.getContents().getRight().getValue();
    for (String part : expected) {
      assertTrue(text.contains(part), "hover on `" + near + "` says `" + part + "`:\n" + text);
    }
  }

  /**
   * Completion at the end of {@code typed}, as while typing: the whole text opened, then edited to
   * end with the text up to and including {@code before}, then {@code typed} (so it rarely parses).
   */
  private static void assertCompletion(String text, String before, String typed, List<String> present,
      List<String> absent) throws Exception {
    int cut = text.indexOf(before);
    assertTrue(cut >= 0, before);
    String edited = text.substring(0, cut + before.length()) + typed;
    String uri = open(text);
    lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, 2), List.of(new TextDocumentContentChangeEvent(edited))));
    List<CompletionItem> items = lsp.server.getTextDocumentService().completion(new CompletionParams(
        new TextDocumentIdentifier(uri), position(edited, edited.length()))).get(30, TimeUnit.SECONDS).getLeft();
    List<String> labels = ServerProcess.labels(items);
    String where = (before + typed).replace("\n", "\\n");
    for (String label : present) {
      assertTrue(labels.contains(label), "after `" + where + "`: `" + label + "` in " + labels);
    }
    for (String label : absent) {
      assertFalse(labels.contains(label), "after `" + where + "`: `" + label + "` not in " + labels);
    }
  }

  /** Opens {@code text} as a new document beside the sample (so its data paths resolve). */
  private static String open(String text) {
    String uri = IRIS.resolveSibling("lsp-test-" + ++documents + ".hyp").toUri().toString();
    lsp.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "hyp", 1,
        text)));
    return uri;
  }

  private static String apply(String text, List<? extends TextEdit> edits) {
    StringBuilder result = new StringBuilder(text);
    edits.stream().sorted(Comparator.comparingInt((TextEdit e) -> offset(text, e.getRange().getStart())).reversed())
        .forEach(e -> result.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()),
            e.getNewText()));
    return result.toString();
  }

  static Position position(String text, int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart);
  }

  static int offset(String text, Position position) {
    int offset = 0;
    for (int line = 0; line < position.getLine(); line++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return offset + position.getCharacter();
  }

  private static Range range(String text, int start, int length) {
    return new Range(position(text, start), position(text, start + length));
  }
}
