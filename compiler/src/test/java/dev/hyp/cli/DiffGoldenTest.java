package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * `hyp diff OLD NEW` on one kind of edit each: src/test/resources/diff/NAME.old.hyp and
 * NAME.new.hyp, what it prints and its exit code in NAME.expected. Run with
 * -Dhyp.updateGoldens=true to rewrite the expected files, then review them.
 */
class DiffGoldenTest {
  private static final Path GOLDENS = Path.of("src/test/resources/diff");
  private static final boolean UPDATE = Boolean.getBoolean("hyp.updateGoldens");

  private static List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(GOLDENS)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".old.hyp"))
          .map(name -> name.substring(0, name.length() - ".old.hyp".length())).sorted().toList();
    }
  }

  /** What a user sees: the output, anything on stderr, and the exit code. */
  static String diff(String name) {
    CliTest.Run run = CliTest.hyp("diff", GOLDENS.resolve(name + ".old.hyp").toString(),
        GOLDENS.resolve(name + ".new.hyp").toString());
    return run.out() + run.err() + "exit: " + run.exit() + "\n";
  }

  @TestFactory
  Stream<DynamicTest> everyEditSaysWhatChangedAndWhatItMeansForTheStudy() throws IOException {
    return names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Path golden = GOLDENS.resolve(name + ".expected");
      String actual = diff(name);
      if (UPDATE) {
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertTrue(Files.exists(golden), "no golden " + golden + "; run with -Dhyp.updateGoldens=true");
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, name);
    }));
  }

  @Test
  void thereIsAGoldenForEachKindOfEditTheIssueNames() throws IOException {
    assertTrue(names().size() >= 20, names().toString());
    assertTrue(names().containsAll(List.of("formatting_only", "comment_added", "description_changed", "trials_raised",
        "parallel_changed", "range_narrowed", "range_widened", "range_made_log", "range_given_step", "choice_gained",
        "choice_lost", "value_became_parameter", "parameter_became_value", "condition_changed", "strategy_changed",
        "strategy_option", "pruner_changed", "data_path", "split_changed", "normalize_changed", "seed_changed",
        "layer_added", "layer_units_changed", "objective_changed", "epochs_changed")), names().toString());
  }
}
