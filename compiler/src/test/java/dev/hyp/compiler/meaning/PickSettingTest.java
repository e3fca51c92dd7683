package dev.hyp.compiler.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import dev.hyp.runtime.version.Edit;
import dev.hyp.runtime.version.EditComparison;
import org.junit.jupiter.api.Test;

/**
 * `pick = "RULE"` says which front trial `best-model.zip` holds: the checker keeps it, `hyp fmt`
 * prints it, and it is no part of the meaning (adding or editing it continues the study).
 */
class PickSettingTest {
  private static final String SMALL = TestFiles.read(TestFiles.samplesDirectory().resolve("iris_small.hyp"));
  private static final String RULE = "min params where accuracy >= best - 0.01";
  private static final String PICKED = SMALL.replace("  constraints {",
      "  pick = \"" + RULE + "\"\n\n  constraints {");

  @Test
  void theCheckedSpecKeepsTheRule() {
    assertEquals(RULE, checked(PICKED).pick());
    assertEquals(null, checked(SMALL).pick());
  }

  @Test
  void aRuleAddedOrEditedKeepsTheMeaningAndContinuesTheStudy() {
    String edited = PICKED.replace(RULE, "max accuracy");
    assertEquals(SpecMeaning.of(checked(SMALL)), SpecMeaning.of(checked(PICKED)));
    assertEquals(SpecMeaning.fingerprint(checked(SMALL)), SpecMeaning.fingerprint(checked(edited)));
    Edit edit = EditComparison.compare(dev.hyp.runtime.version.SpecMeaning.parse(SpecMeaning.of(checked(PICKED))),
        dev.hyp.runtime.version.SpecMeaning.parse(SpecMeaning.of(checked(edited))));
    assertTrue(edit.kind().continues(), edit.kind().toString());
  }

  @Test
  void formattingKeepsTheRuleInItsPlace() {
    String messy = PICKED.replace("  pick = \"", "  pick   =\"");
    ParseResult parsed = new Compiler().parse(SourceFile.of("messy.hyp", messy));
    String formatted = Formatter.format(messy, parsed.experiment(), parsed.comments());
    assertTrue(formatted.contains("\n  pick = \"" + RULE + "\"\n"), formatted);
    assertEquals(RULE, checked(formatted).pick());
  }

  private static CheckedExperiment checked(String text) {
    CheckResult result = new Compiler().check(SourceFile.of("small.hyp", text));
    assertTrue(result.experiment() != null && !result.hasErrors(), result.diagnostics().toString());
    return result.experiment();
  }
}
