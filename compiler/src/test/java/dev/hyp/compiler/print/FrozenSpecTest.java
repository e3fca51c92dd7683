package dev.hyp.compiler.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.parse.SpecParser;
import dev.hyp.compiler.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Freezing a spec at a trial: constants, a conditional parameter the trial lacks, per-layer values. */
class FrozenSpecTest {
  private static final String SPEC = """
      experiment iris {
        data {
          source = csv("data/iris.csv", label = "species")
        }
        params {
          lr           = loguniform(1e-4, 1e-1)
          depth        = int(1, 3)
          units[depth] = choice(16, 32, 64)  // per layer
          opt          = choice(adam, nesterovs)
          momentum     = uniform(0.5, 0.99) if opt == nesterovs
        }
        model {
          updater = opt(lr = lr, momentum = momentum)
          for i in 1..depth {
            dense(units = units[i] * 2, activation = relu)
          }
          output(activation = softmax, loss = mcxent)
        }
        search tpe {
          trials = 40
        }
        objective = maximize accuracy on validation
      }
      """;

  private static String frozen(Map<String, Object> values) throws FrozenSpec.CannotFreezeException {
    SpecParser parser = new SpecParser();
    ParseResult parsed = parser.parse(SourceFile.of("iris.hyp", SPEC));
    String text = FrozenSpec.freeze(SPEC, parsed.experiment(), values, path -> "../" + path);
    ParseResult again = parser.parse(SourceFile.of("frozen.hyp", text));
    return Formatter.format(text, again.experiment(), again.comments());
  }

  @Test
  void differingLayersAreWrittenOutAndAConditionalParameterTheTrialLackedGoesWithItsArgument() throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("lr", 0.0125);
    values.put("depth", 2L);
    values.put("units[1]", 64L);
    values.put("units[2]", 16L);
    values.put("opt", "adam");
    assertEquals("""
        experiment iris_frozen {
          data {
            source = csv("../data/iris.csv", label = "species")
          }
          params {
            lr      = 0.0125
            units_1 = 64
            units_2 = 16  // per layer
            opt     = adam
          }
          model {
            updater = opt(lr = lr)
            dense(units = units_1 * 2, activation = relu)
            dense(units = units_2 * 2, activation = relu)
            output(activation = softmax, loss = mcxent)
          }
          search tpe {}
          objective = maximize accuracy on validation
        }
        """, frozen(values));
  }

  @Test
  void equalLayersStayOneParameterAndAConditionalParameterTheTrialHadLosesItsCondition() throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("lr", 1e-4);
    values.put("depth", 2L);
    values.put("units[1]", 32L);
    values.put("units[2]", 32L);
    values.put("opt", "nesterovs");
    values.put("momentum", 0.9);
    String text = frozen(values);
    assertEquals(true, text.contains("units[depth] = 32  // per layer"), text);
    assertEquals(true, text.contains("momentum     = 0.9\n"), text);
    assertEquals(true, text.contains("lr           = 1.0e-4"), text);
    assertEquals(true, text.contains("for i in 1..depth {"), text);
    assertEquals(true, text.contains("updater = opt(lr = lr, momentum = momentum)"), text);
  }
}
