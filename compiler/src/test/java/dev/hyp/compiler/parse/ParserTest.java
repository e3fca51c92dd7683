package dev.hyp.compiler.parse;

import static dev.hyp.compiler.testing.AstDump.compact;
import static dev.hyp.compiler.testing.AstDump.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.ast.Comment;
import dev.hyp.compiler.ast.DurationLiteral;
import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.ast.NumberLiteral;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.Specs;
import dev.hyp.compiler.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The syntax tree "as written", compared with spans ignored (see {@link dev.hyp.compiler.testing.AstDump}). */
class ParserTest {

  // ---- expressions ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a + b * c        | (Binary ADD "a" (Binary MULTIPLY "b" "c"))
      a * b + c        | (Binary ADD (Binary MULTIPLY "a" "b") "c")
      a - b - c        | (Binary SUBTRACT (Binary SUBTRACT "a" "b") "c")
      a / b / c        | (Binary DIVIDE (Binary DIVIDE "a" "b") "c")
      a / b * c        | (Binary MULTIPLY (Binary DIVIDE "a" "b") "c")
      a + b * c - -d / e | (Binary SUBTRACT (Binary ADD "a" (Binary MULTIPLY "b" "c")) (Binary DIVIDE (Negate "d") "e"))
      -a * b           | (Binary MULTIPLY (Negate "a") "b")
      -(a * b)         | (Negate (ParenExpression (Binary MULTIPLY "a" "b")))
      (a + b) * c      | (Binary MULTIPLY (ParenExpression (Binary ADD "a" "b")) "c")
      a - -3           | (Binary SUBTRACT "a" (Negate (NumberLiteral "3")))
      - -3             | (Negate (Negate (NumberLiteral "3")))
      units[i] * 2     | (Binary MULTIPLY (IndexExpression "units" "i") (NumberLiteral "2"))
      units[i + 1]     | (IndexExpression "units" (Binary ADD "i" (NumberLiteral "1")))
      lr / 10          | (Binary DIVIDE "lr" (NumberLiteral "10"))
      """)
  void arithmeticPrecedenceAndAssociativity(String text, String expected) {
    assertEquals(expected, compact(Specs.expression(text)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a == 1 or b == 2 and c == 3  | (OrCondition (Comparison EQ "a" (NumberLiteral "1")) (AndCondition (Comparison EQ "b" (NumberLiteral "2")) (Comparison EQ "c" (NumberLiteral "3"))))
      a == 1 and b == 2 or c == 3  | (OrCondition (AndCondition (Comparison EQ "a" (NumberLiteral "1")) (Comparison EQ "b" (NumberLiteral "2"))) (Comparison EQ "c" (NumberLiteral "3")))
      not a == 1 and b != 2        | (AndCondition (NotCondition (Comparison EQ "a" (NumberLiteral "1"))) (Comparison NE "b" (NumberLiteral "2")))
      not (a == 1 or b < 2)        | (NotCondition (ParenCondition (OrCondition (Comparison EQ "a" (NumberLiteral "1")) (Comparison LT "b" (NumberLiteral "2")))))
      a <= 1 or b >= 2 or c > 3    | (OrCondition (OrCondition (Comparison LE "a" (NumberLiteral "1")) (Comparison GE "b" (NumberLiteral "2"))) (Comparison GT "c" (NumberLiteral "3")))
      opt == nesterovs             | (Comparison EQ "opt" "nesterovs")
      1 < a                        | (Comparison LT (NumberLiteral "1") "a")
      act != "relu"                | (Comparison NE "act" (StringLiteral "relu"))
      wide == true                 | (Comparison EQ "wide" (BooleanLiteral true))
      a * 2 > b + 1                | (Comparison GT (Binary MULTIPLY "a" (NumberLiteral "2")) (Binary ADD "b" (NumberLiteral "1")))
      """)
  void conditionPrecedence(String text, String expected) {
    assertEquals(expected, compact(Specs.condition(text)));
  }

  // ---- literals and tokens ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      10m    | (DurationLiteral "10m")
      30s    | (DurationLiteral "30s")
      2h     | (DurationLiteral "2h")
      10     | (NumberLiteral "10")
      0.5    | (NumberLiteral "0.5")
      1e-4   | (NumberLiteral "1e-4")
      2.5E+3 | (NumberLiteral "2.5E+3")
      .5     | (NumberLiteral ".5")
      -3     | (Negate (NumberLiteral "3"))
      x2h    | "x2h"
      true   | (BooleanLiteral true)
      false  | (BooleanLiteral false)
      """)
  void numbersDurationsAndNames(String text, String expected) {
    assertEquals(expected, compact(Specs.expression(text)));
  }

  @Test
  void durationsCountSeconds() {
    assertEquals(600, ((DurationLiteral) Specs.expression("10m")).seconds());
    assertEquals(30, ((DurationLiteral) Specs.expression("30s")).seconds());
    assertEquals(7200, ((DurationLiteral) Specs.expression("2h")).seconds());
    assertEquals(1e-4, ((NumberLiteral) Specs.expression("1e-4")).value());
    assertFalse(((NumberLiteral) Specs.expression("1e4")).isInteger(), "an exponent makes a float");
    assertTrue(((NumberLiteral) Specs.expression("42")).isInteger());
  }

  @Test
  void stringEscapesAreResolved() {
    StringLiteral s = (StringLiteral) Specs.expression("\"a\\\"b\\\\c\\nd\\te\"");
    assertEquals("a\"b\\c\nd\te", s.value());
    assertEquals("", ((StringLiteral) Specs.expression("\"\"")).value());
    assertEquals("données/ü.csv", ((StringLiteral) Specs.expression("\"données/ü.csv\"")).value());
  }

  @ParameterizedTest(name = "for i in {0}")
  @CsvSource(delimiter = '|', textBlock = """
      1..depth   | "1" | "depth"
      1 .. depth | "1" | "depth"
      1..3       | "1" | "3"
      2..n - 1   | "2" | (Binary SUBTRACT "n" (NumberLiteral "1"))
      """)
  void rangeOfALoopLexesAsNumberDotDotBound(String range, String from, String to) {
    Experiment experiment = Specs.parse("experiment t {\n  model {\n    for i in " + range
        + " {\n      dense(units = 8)\n    }\n  }\n}\n").experiment();
    String dump = compact(experiment.members().get(0));
    String fromDump = from.equals("\"1\"") || from.equals("\"2\"") ? "(NumberLiteral " + from + ")" : from;
    String toDump = to.matches("\"\\d+\"") ? "(NumberLiteral " + to + ")" : to;
    assertEquals("(Block \"model\" [(ForLoop \"i\" " + fromDump + " " + toDump
        + " [(CallMember (Call \"dense\" [(Argument \"units\" (NumberLiteral \"8\"))]))])])", dump);
  }

  // ---- structure ----

  @Test
  void perLayerParametersLoopsAndSections() {
    Experiment experiment = Specs.parse("""
        experiment t {
          seed = 1
          params {
            units[depth] = choice(16, 32)
            momentum     = uniform(0.5, 0.99) if opt == nesterovs
          }
          model {
            updater = opt(lr = lr, momentum = momentum)
            for i in 1..depth {
              dense(units = units[i], activation = act)
            }
            batchnorm()
          }
          search tpe { trials = 3 }
          objective = minimize loss on test
        }
        """).experiment();
    assertEquals("(Experiment \"t\" ["
        + "(Setting \"seed\" nil (NumberLiteral \"1\") nil) "
        + "(Block \"params\" ["
        + "(Setting \"units\" \"depth\" (Call \"choice\" [(Argument nil (NumberLiteral \"16\")) (Argument nil (NumberLiteral \"32\"))]) nil) "
        + "(Setting \"momentum\" nil (Call \"uniform\" [(Argument nil (NumberLiteral \"0.5\")) (Argument nil (NumberLiteral \"0.99\"))]) "
        + "(Comparison EQ \"opt\" \"nesterovs\"))]) "
        + "(Block \"model\" ["
        + "(Setting \"updater\" nil (Call \"opt\" [(Argument \"lr\" \"lr\") (Argument \"momentum\" \"momentum\")]) nil) "
        + "(ForLoop \"i\" (NumberLiteral \"1\") \"depth\" [(CallMember (Call \"dense\" [(Argument \"units\" (IndexExpression \"units\" \"i\")) (Argument \"activation\" \"act\")]))]) "
        + "(CallMember (Call \"batchnorm\" []))]) "
        + "(SearchBlock \"tpe\" [(Setting \"trials\" nil (NumberLiteral \"3\") nil)]) "
        + "(ObjectiveMember false \"loss\" \"test\")])", compact(experiment));
  }

  @Test
  void trailingCommaInArgumentsIsAllowed() {
    assertEquals(compact(Specs.expression("f(a, b = 2)")), compact(Specs.expression("f(a, b = 2,)")));
  }

  @Test
  void lineCommentsAreKeptBesideTheTreeInOrder() {
    var parsed = Specs.parse("""
        // header
        experiment t { // after the brace
          seed = 1 // trailing
          // before the end
        }
        // footer
        """);
    assertEquals(List.of("// header", "// after the brace", "// trailing", "// before the end", "// footer"),
        parsed.comments().stream().map(Comment::text).toList());
    assertTrue(parsed.comments().get(0).isLineComment());
    assertEquals("(Experiment \"t\" [(Setting \"seed\" nil (NumberLiteral \"1\") nil)])", compact(parsed.experiment()));
  }

  @Test
  void blockCommentsAreKeptBesideTheTreeInOrder() {
    var parsed = Specs.parse("""
        /* header */
        experiment t { /* inline */
          seed = 1 /* trailing */
          /* multi
             line */
        }
        /* footer */
        """);
    assertEquals(List.of("/* header */", "/* inline */", "/* trailing */", "/* multi\n     line */", "/* footer */"),
        parsed.comments().stream().map(Comment::text).toList());
    assertFalse(parsed.comments().get(0).isLineComment());
    assertEquals("(Experiment \"t\" [(Setting \"seed\" nil (NumberLiteral \"1\") nil)])", compact(parsed.experiment()));
  }

  @Test
  void spansCoverTheirText() {
    String text = "experiment t {\n  x = lr / 10\n}\n";
    Setting setting = (Setting) Specs.parse(text).experiment().members().get(0);
    assertEquals("x = lr / 10", text.substring(setting.span().start(), setting.span().end()));
    assertEquals("lr / 10", text.substring(setting.value().span().start(), setting.value().span().end()));
  }

  @Test
  void spansCountUtf16UnitsAfterSurrogatePairs() {
    String text = "// \uD83D\uDE00 emoji\nexperiment t {\n  x = \"\uD83D\uDE00\" \n  y = 2\n}\n";
    var parsed = Specs.parse(text);
    Setting y = (Setting) parsed.experiment().members().get(1);
    assertEquals("y = 2", text.substring(y.span().start(), y.span().end()));
    assertEquals("// \uD83D\uDE00 emoji", parsed.comments().get(0).text());
  }

  // ---- print -> reparse ----

  static Stream<Path> samples() {
    return TestFiles.samples().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void printingASampleAndReparsingGivesTheSameTree(Path sample) {
    SourceFile source = TestFiles.sample(sample);
    ParseResult parsed = new Compiler().parse(source);
    assertTrue(parsed.succeeded(), () -> sample + ": " + parsed.diagnostics());
    String printed = Formatter.print(parsed.experiment());
    ParseResult reparsed = Specs.parse(printed);
    assertEquals(dump(parsed.experiment()), dump(reparsed.experiment()), printed);
    assertEquals(printed, Formatter.print(reparsed.experiment()), "printing is stable");
  }

  @Test
  void printingKeepsParenthesesAndSigns() {
    String spec = """
        experiment t {
          x = -(a + b) * c / (d - -2)
          y = f(1, -1e-4, "q\\"uote\\\\", 10m, true)
          p = 1 if not (a == 1 or b != "x") and c >= -2
        }
        """;
    Experiment tree = Specs.parse(spec).experiment();
    String printed = Formatter.print(tree);
    assertEquals(dump(tree), dump(Specs.parse(printed).experiment()), printed);
    assertEquals(spec, printed, "the canonical form of a canonical spec is itself");
  }

  // ---- errors ----

  @Test
  void aSyntaxErrorGivesNoTreeAndOneDiagnostic() {
    ParseResult result = new Compiler().parse(SourceFile.of("bad.hyp", "experiment t {\n  x = \n}\n"));
    assertFalse(result.succeeded());
    assertNull(result.experiment());
    assertEquals(1, result.diagnostics().size());
    Diagnostic diagnostic = result.diagnostics().get(0);
    assertEquals(Code.HYP001, diagnostic.code());
    assertEquals("expected a value, found `}`", diagnostic.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "experiment t {\n  x = \n}\n",
      "experiment {\n}\n",
      "experiment t {\n  data { source = }\n}\n",
      "experiment t {\n  model { dense(units = 8 }\n}\n",
      "experiment t {\n  model { for i 1..3 { dense() } }\n}\n",
      "experiment t {\n  objective = maximize accuracy\n}\n",
      "experiment t {\n  objective = accuracy on validation\n}\n",
      "experiment t {\n  params { p = 1 if a }\n}\n",
      "experiment t {\n  search { trials = 1 }\n}\n",
      "experiment t {\n  x = [1, 2\n}\n",
      "experiment t {\n  x = a..b\n}\n",
      "experiment t {\n  x = f(a = )\n}\n",
      "experiment t {\n  x = 1 +\n}\n",
      "experiment t {\n  for = 1\n}\n",
      "experiment t {}\nexperiment u {}\n",
      "",
      "model { }\n",
  })
  void syntaxErrorsSayWhatWasExpectedInWords(String text) {
    ParseResult result = new Compiler().parse(SourceFile.of("bad.hyp", text));
    assertFalse(result.succeeded());
    assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
    Diagnostic diagnostic = result.diagnostics().get(0);
    assertTrue(diagnostic.code() == Code.HYP001 || diagnostic.code() == Code.HYP006, diagnostic.toString());
    String message = diagnostic.message();
    assertTrue(message.startsWith("expected ") || message.startsWith("this `{`"), message);
    // no ANTLR vocabulary: token names, rule names, `<EOF>`, "mismatched input", "no viable alternative"
    assertFalse(message.matches(".*\\b[A-Z][A-Z_]{2,}\\b.*"), message);
    for (String antlr : List.of("<EOF>", "mismatched", "viable", "extraneous", "Context", "rule", "'")) {
      assertFalse(message.contains(antlr), message);
    }
    assertTrue(diagnostic.span().end() <= text.length());
  }
}
