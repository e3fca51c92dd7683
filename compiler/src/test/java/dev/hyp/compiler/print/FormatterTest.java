package dev.hyp.compiler.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.ast.Comment;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.testing.AstDump;
import dev.hyp.compiler.testing.Specs;
import dev.hyp.compiler.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `hyp fmt`: one canonical layout that keeps every comment and the tree. */
class FormatterTest {

  static String format(String text) {
    ParseResult parsed = Specs.parse(text);
    return Formatter.format(text, parsed.experiment(), parsed.comments());
  }

  private static List<String> commentTexts(String text) {
    return Specs.parse(text).comments().stream().map(Comment::text).sorted().toList();
  }

  static Stream<Path> samples() {
    return TestFiles.samples().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleIsAlreadyCanonical(Path sample) {
    String text = TestFiles.read(sample);
    assertEquals(text, format(text), sample + " is not in `hyp fmt` layout");
  }

  private static final String MESSY = """
      // header comment


      // second header paragraph
      experiment   messy{
      description="messy"
        seed=1 // the seed



        // a lonely comment between members
        data{source=csv("data/iris.csv",label="species")
        normalize   =   standard}
        params {

          lr=loguniform(1e-4,1e-1) // trailing on lr
          units[depth]=choice(16,32)
          depth = int(1,3)

          // before the closing brace of params
        }
        model{
          updater=adam(lr=lr)
          dense(units = 8, // inside the arguments
                activation = relu)
          for i in 1..depth{dense(units=units[i])}
          output(activation=softmax,loss=mcxent)
        }
        search tpe{trials=10}
        objective=maximize accuracy on validation // trailing on the objective
        // before the final brace
      }
      // after the last brace
      """;

  private static final String MESSY_FORMATTED = """
      // header comment

      // second header paragraph
      experiment messy {
        description = "messy"
        seed        = 1  // the seed

        // a lonely comment between members
        data {
          source    = csv("data/iris.csv", label = "species")
          normalize = standard
        }
        params {
          lr           = loguniform(1e-4, 1e-1)  // trailing on lr
          units[depth] = choice(16, 32)
          depth        = int(1, 3)

          // before the closing brace of params
        }
        model {
          updater = adam(lr = lr)
          // inside the arguments
          dense(units = 8, activation = relu)
          for i in 1..depth {
            dense(units = units[i])
          }
          output(activation = softmax, loss = mcxent)
        }
        search tpe {
          trials = 10
        }
        objective = maximize accuracy on validation  // trailing on the objective
        // before the final brace
      }
      // after the last brace
      """;

  @Test
  void messyInputGetsTheCanonicalLayout() {
    assertEquals(MESSY_FORMATTED, format(MESSY));
  }

  @Test
  void formattingIsIdempotent() {
    String once = format(MESSY);
    assertEquals(once, format(once));
  }

  @Test
  void everyCommentIsKept() {
    List<String> before = commentTexts(MESSY);
    assertEquals(10, before.size(), "the input has comments everywhere");
    assertEquals(before, commentTexts(format(MESSY)));
  }

  @Test
  void theTreeIsKept() {
    assertEquals(AstDump.dump(Specs.parse(MESSY).experiment()), AstDump.dump(Specs.parse(format(MESSY)).experiment()));
  }

  @Test
  void blankLinesCollapseToOneAndVanishAtTheEdgesOfBlocks() {
    String text = "experiment t {\n\n\n  a = 1\n\n\n\n  b = 2\n\n  model {\n\n    dense(units = 8)\n\n  }\n\n}\n";
    assertEquals("experiment t {\n  a = 1\n\n  b = 2\n\n  model {\n    dense(units = 8)\n  }\n}\n", format(text));
  }

  @Test
  void equalsSignsAlignWithinARunAndRunsEndAtBlankLinesAndBlocks() {
    String text = """
        experiment t {
          a = 1
          longer_name = 2
          units[depth] = 3

          b = 4
          bb = 5
          data {
            x = 1
          }
          ccc = 6
          d = 7
        }
        """;
    assertEquals("""
        experiment t {
          a            = 1
          longer_name  = 2
          units[depth] = 3

          b  = 4
          bb = 5
          data {
            x = 1
          }
          ccc = 6
          d   = 7
        }
        """, format(text));
  }

  @Test
  void theObjectiveAlignsWithSettings() {
    assertEquals("experiment t {\n  seed      = 1\n  objective = maximize f1 on test\n}\n",
        format("experiment t {\n  seed = 1\n  objective = maximize f1 on test\n}\n"));
  }

  @Test
  void trailingCommentsAlignWithinARun() {
    String text = "experiment t {\n  a = 1 // one\n  bbbb = choice(1, 2) // two\n}\n";
    assertEquals("experiment t {\n  a    = 1             // one\n  bbbb = choice(1, 2)  // two\n}\n", format(text));
  }

  @Test
  void aCommentAfterABraceStaysOnItsLine() {
    String text = "experiment t {   // the experiment\n  data { // where rows come from\n    a = 1\n  }\n"
        + "  for i in 1..2 {  /* each layer */\n    dense(units = 8)\n  }\n  train { // nothing yet\n  }\n}   // end\n";
    String expected = "experiment t {  // the experiment\n  data {  // where rows come from\n    a = 1\n  }\n"
        + "  for i in 1..2 {  /* each layer */\n    dense(units = 8)\n  }\n  train {  // nothing yet\n  }\n}  // end\n";
    assertEquals(expected, format(text));
    assertEquals(expected, format(expected));
  }

  @Test
  void aBraceInsideACommentBeforeTheBlockIsNotTheBlocksBrace() {
    String text = "experiment t {\n  data /* { */ {  // rows\n    a = 1\n  }\n}\n";
    assertEquals("experiment t {\n  data {  // rows\n    /* { */\n    a = 1\n  }\n}\n", format(text));
  }

  @Test
  void blankLinesBetweenCommentsAfterTheExperimentAreKept() {
    String text = "experiment t {\n  a = 1\n}\n\n\n// one\n// two\n\n// three\n";
    assertEquals("experiment t {\n  a = 1\n}\n\n// one\n// two\n\n// three\n", format(text));
  }

  @Test
  void emptyBlocksPrintAsBraces() {
    assertEquals("experiment t {\n  search grid {}\n  train {}\n}\n", format("experiment t { search grid { } train {\n\n} }"));
    assertEquals("experiment t {}\n", format("experiment t {\n}"));
  }

  @Test
  void expressionsPrintAsWrittenWithCanonicalSpacing() {
    assertEquals("experiment t {\n  x = -(a+b) * c\n}\n".replace("(a+b)", "(a + b)"),
        format("experiment t { x=-( a+b )*c }"));
    assertEquals("experiment t {\n  p = choice(1, 2) if not (a == 1 or b != \"x\") and c >= -2\n}\n",
        format("experiment t { p=choice(1,2,) if not(a==1 or b!=\"x\")and c>=-2 }"));
  }

  @Test
  void stringsAreReEscaped() {
    String text = "experiment t {\n  x = \"tab\\there \\\"quoted\\\" back\\\\slash\\nnewline\"\n}\n";
    assertEquals(text, format(text));
  }

  @Test
  void crlfInputGivesLfOutput() {
    String formatted = format("// c\r\nexperiment t {\r\n  a = 1\r\n\r\n\r\n  b = 2 // two\r\n}\r\n");
    assertFalse(formatted.contains("\r"), formatted);
    assertEquals("// c\nexperiment t {\n  a = 1\n\n  b = 2  // two\n}\n", formatted);
  }

  @Test
  void tabsAreNotKept() {
    assertEquals("experiment t {\n  a = 1\n}\n", format("experiment\tt\t{\n\ta\t=\t1\n}\n"));
  }

  @Test
  void printWithoutCommentsGivesTheCanonicalLayoutOfTheTree() {
    String text = TestFiles.read(TestFiles.samples().get(0));
    String printed = Formatter.print(Specs.parse(text).experiment());
    assertFalse(printed.contains("//"), printed);
    assertTrue(printed.startsWith("experiment "), printed);
    assertEquals(printed, format(printed));
  }
}
