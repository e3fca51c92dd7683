package dev.hyp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import dev.hyp.runtime.vocab.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `search tpe { ... }` takes every option the runtime's TPE sampler takes, with its defaults and bounds. */
class StrategyOptionsTest {
  private static String spec(String search) {
    return """
        experiment s {
          data {
            source = csv("data/iris.csv", label = "species")
          }
          model {
            output(loss = mcxent)
          }
          search tpe {
            %s
          }
          objective = maximize accuracy on validation
        }
        """.formatted(search);
  }

  private static List<Diagnostic> diagnostics(String search) {
    return new Compiler().check(source(search)).diagnostics();
  }

  /** Beside the golden inputs, so that `data/iris.csv` exists. */
  private static SourceFile source(String search) {
    return new SourceFile("t.hyp", TestFiles.resource("diagnostics").resolve("t.hyp"), spec(search));
  }

  private static CheckedExperiment checked(String search) {
    var result = new Compiler().check(source(search));
    assertEquals(List.of(), result.diagnostics());
    assertNotNull(result.experiment());
    return result.experiment();
  }

  @Test
  void tpeOptionsDefaultToTheVocabulary() {
    Map<String, Object> options = checked("trials = 1").search().options();
    assertEquals(Map.of("startup", 10L, "candidates", 24L, "gamma", 0.2, "max_good", 25L, "prior_weight", 1.0),
        options);
    Strategy.TPE.options().forEach(o -> assertEquals(o.defaultValue(), options.get(o.name()), o.name()));
  }

  @Test
  void tpeTakesGammaMaxGoodAndPriorWeight() {
    Map<String, Object> options = checked("gamma = 0.1\n    max_good = 10\n    prior_weight = 2.5").search().options();
    assertEquals(0.1, options.get("gamma"));
    assertEquals(10L, options.get("max_good"));
    assertEquals(2.5, options.get("prior_weight"));
  }

  @Test
  void tpeOptionsOutOfTheirBoundsAreErrors() {
    for (String option : List.of("gamma = 0", "gamma = 1.5", "max_good = 0", "prior_weight = 0")) {
      List<Diagnostic> found = diagnostics(option);
      assertEquals(1, found.size(), option + ": " + found);
      assertEquals(Code.HYP020, found.get(0).code(), option);
    }
    assertNull(diagnostics("gamma = 1").stream().findFirst().orElse(null), "gamma may be 1");
  }
}
