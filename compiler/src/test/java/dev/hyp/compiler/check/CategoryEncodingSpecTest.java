package dev.hyp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.ColumnKind;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.space.ParamValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `encoding` and `column(..., encoding = ..., dim = ...)`: checked, and generated into each trial's settings. */
class CategoryEncodingSpecTest {
  private static final String SPEC = """
      experiment t {
        data {
          source   = csv("shops.csv", label = "bought")
          encoding = enc
          column("city", encoding = embedding, dim = 4)
          column("zip", kind = category)
        }

        params {
          enc = choice(onehot, embedding)
        }

        model {
          dense(units = 8, activation = relu)
          output(activation = softmax, loss = mcxent)
        }

        objective = maximize accuracy on validation
      }
      """;

  @Test
  void theEncodingIsATrialsSettingAndAColumnsOwnIsInThePlan() throws ReflectiveOperationException {
    Compiler compiler = new Compiler();
    SourceFile source = SourceFile.of("t.hyp", SPEC);
    CheckResult checked = compiler.check(source);
    assertFalse(checked.hasErrors(), checked.diagnostics().toString());
    Experiment<?> experiment = compiler.load(compiler.build(checked.experiment(), source));
    assertEquals(Map.of("city", new DataPlan.ColumnPlan(null, null, null, CategoryEncoding.EMBEDDING, 4),
        "zip", new DataPlan.ColumnPlan(ColumnKind.CATEGORY, null, null)), experiment.definition().data().plan()
        .columns());
    for (CategoryEncoding encoding : CategoryEncoding.values()) {
      assertEquals(encoding, settings(experiment, ParamValues.of(Map.of("enc", encoding.hypName()))).encoding());
    }
  }

  @SuppressWarnings("unchecked")
  private static <P> dev.hyp.runtime.experiment.TrialSettings settings(Experiment<P> experiment, ParamValues values) {
    return experiment.training(experiment.params(values));
  }

  @Test
  void aFixedEncodingAndTheDefault() throws ReflectiveOperationException {
    Compiler compiler = new Compiler();
    for (String encoding : List.of("embedding", "onehot")) {
      String spec = SPEC.replace("encoding = enc", "encoding = " + encoding)
          .replace("    enc = choice(onehot, embedding)\n", "    units = choice(8)\n");
      SourceFile source = SourceFile.of("t.hyp", spec);
      CheckResult checked = compiler.check(source);
      assertFalse(checked.hasErrors(), checked.diagnostics().toString());
      Experiment<?> experiment = compiler.load(compiler.build(checked.experiment(), source));
      assertEquals(CategoryEncoding.of(encoding), settings(experiment, ParamValues.of(Map.of("units", 8))).encoding());
    }
  }

  private static List<Code> codes(String spec) {
    return new Compiler().check(SourceFile.of("t.hyp", spec)).diagnostics().stream().filter(Diagnostic::isError)
        .map(Diagnostic::code).toList();
  }

  @Test
  void mistakesAreLocatedErrors() {
    assertEquals(List.of(Code.HYP021), codes(SPEC.replace("encoding = embedding, dim = 4",
        "encoding = onehot, dim = 4")), "a one-hot column has no dim");
    assertEquals(List.of(Code.HYP020), codes(SPEC.replace("dim = 4", "dim = 0")));
    assertEquals(List.of(Code.HYP018), codes(SPEC.replace("dim = 4", "dim = 2.5")));
    assertEquals(List.of(Code.HYP021), codes(SPEC.replace("column(\"zip\", kind = category)",
        "column(\"zip\", kind = number, encoding = embedding)")), "a number has no categories");
    assertEquals(List.of(Code.HYP012), codes(SPEC.replace("column(\"city\", encoding = embedding",
        "column(\"city\", encoding = embedded")));
    assertEquals(List.of(Code.HYP016), codes(SPEC.replace("dim = 4", "dims = 4")));
    assertFalse(codes(SPEC.replace("choice(onehot, embedding)", "choice(onehot, relu)")).isEmpty(),
        "a parameter used as the encoding takes encodings only");
    assertEquals(List.of(Code.HYP021), codes(SPEC.replace("encoding = enc", "encoding = enc\n    shape = image(2, 2)")),
        "pixels are no categories");
  }
}
