package dev.hyp.compiler.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.compiler.testing.AstDump;
import dev.hyp.compiler.testing.Specs;
import org.junit.jupiter.api.Test;

/** `hyp fmt` on several objectives and a `constraints` section: one layout, the same tree. */
class MultiObjectiveFormatTest {
  private static final String MESSY = """
      experiment small {
        data { source = csv("data/iris.csv", label = "species") }
        model { output(activation = softmax, loss = mcxent) }
        objective   =   maximize accuracy   on validation ,minimize params,  minimize latency
        constraints {
          params<=20000 // the device's limit
          accuracy   on validation>=0.8
          train_time <= -1
        }
      }
      """;

  private static final String CANONICAL = """
      experiment small {
        data {
          source = csv("data/iris.csv", label = "species")
        }
        model {
          output(activation = softmax, loss = mcxent)
        }
        objective = maximize accuracy on validation, minimize params, minimize latency
        constraints {
          params <= 20000  // the device's limit
          accuracy on validation >= 0.8
          train_time <= -1
        }
      }
      """;

  @Test
  void severalObjectivesAndBoundsPrintInOneLayoutThatReadsBackAsTheSameTree() {
    String formatted = FormatterTest.format(MESSY);
    assertEquals(CANONICAL, formatted);
    assertEquals(FormatterTest.format(formatted), formatted, "formatting is idempotent");
    assertEquals(AstDump.compact(Specs.parse(MESSY).experiment()), AstDump.compact(Specs.parse(formatted).experiment()));
  }

  @Test
  void oneObjectiveStaysTheNodeItWas() {
    String dump = AstDump.compact(Specs.parse("experiment e { objective = minimize loss on test }").experiment());
    assertEquals("(Experiment \"e\" [(ObjectiveMember false \"loss\" \"test\")])", dump);
  }
}
