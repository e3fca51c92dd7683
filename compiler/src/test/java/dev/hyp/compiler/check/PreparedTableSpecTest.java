package dev.hyp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.data.ClassWeights;
import dev.hyp.runtime.data.ColumnKind;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Missing;
import dev.hyp.runtime.experiment.Experiment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The `data` settings that prepare a table: checked, formatted back as written, generated into the plan. */
class PreparedTableSpecTest {
  private static final String SPEC = """
      experiment t {
        data {
          source        = csv("churn.csv", label = "churned")
          features      = ["tenure", "plan", "city"]
          drop          = ["city"]
          missing       = median
          indicator     = true
          max_onehot    = 8
          class_weights = [1, 4.5]
          column("plan", kind = category, missing = most_frequent)
          column("tenure", indicator = false)
        }

        model {
          dense(units = 8, activation = relu)
          output(activation = softmax, loss = mcxent)
        }

        objective = maximize accuracy on validation
      }
      """;

  @Test
  void theSettingsBecomeThePlanTheGeneratedExperimentRunsWith() throws ReflectiveOperationException {
    Compiler compiler = new Compiler();
    SourceFile source = SourceFile.of("t.hyp", SPEC);
    CheckResult checked = compiler.check(source);
    assertFalse(checked.hasErrors(), checked.diagnostics().toString());
    DataSpec.Preparation preparation = checked.experiment().data().preparation();
    assertEquals(List.of("tenure", "plan", "city"), preparation.features());
    assertEquals(List.of(1.0, 4.5), preparation.weights());
    Experiment<?> experiment = compiler.load(compiler.build(checked.experiment(), source));
    DataPlan plan = experiment.definition().data().plan();
    assertEquals(new DataPlan(List.of("tenure", "plan", "city"), List.of("city"), Missing.MEDIAN, true, 8,
        Map.of("plan", new DataPlan.ColumnPlan(ColumnKind.CATEGORY, Missing.MOST_FREQUENT, null),
            "tenure", new DataPlan.ColumnPlan(null, null, false)), ClassWeights.of(List.of(1.0, 4.5))), plan);
  }

  @Test
  void aSpecWithoutTheSettingsRunsWithTheDefaultPlan() throws ReflectiveOperationException {
    Compiler compiler = new Compiler();
    String plain = SPEC.replaceAll("(?m)^    (features|drop|missing|indicator|max_onehot|class_weights|column).*\\n", "");
    SourceFile source = SourceFile.of("t.hyp", plain);
    CheckResult checked = compiler.check(source);
    assertTrue(checked.experiment().data().preparation().isDefault());
    assertEquals(DataPlan.DEFAULT, compiler.load(compiler.build(checked.experiment(), source)).definition().data().plan());
  }

  @Test
  void formattingKeepsListsAndColumnLines() {
    String messy = SPEC.replace("[\"tenure\", \"plan\", \"city\"]", "[ \"tenure\",\"plan\" , \"city\", ]")
        .replace("column(\"plan\", kind = category", "column( \"plan\" ,kind=category");
    ParseResult parsed = new Compiler().parse(SourceFile.of("t.hyp", messy));
    assertNotNull(parsed.experiment());
    String formatted = Formatter.format(messy, parsed.experiment(), parsed.comments());
    assertTrue(formatted.contains("features      = [\"tenure\", \"plan\", \"city\"]"), formatted);
    assertTrue(formatted.contains("column(\"plan\", kind = category, missing = most_frequent)"), formatted);
    ParseResult again = new Compiler().parse(SourceFile.of("t.hyp", formatted));
    assertEquals(formatted, Formatter.format(formatted, again.experiment(), again.comments()));
  }
}
