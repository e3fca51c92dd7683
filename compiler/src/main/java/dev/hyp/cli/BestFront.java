package dev.hyp.cli;

import dev.hyp.runtime.report.ParetoFrontView;
import dev.hyp.runtime.report.PickRule;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.runfolder.Versions;
import dev.hyp.runtime.trial.ObjectiveName;
import dev.hyp.runtime.version.SpecMeaning;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * `hyp best` of a search with several objectives: the Pareto front and the trial `--pick RULE`
 * chooses from it (by default the first objective's best, the trial `best-model.zip` holds).
 */
final class BestFront {
  private BestFront() {}

  /** The version's objectives, from the meaning its folder keeps (one for a single-objective spec). */
  static List<ObjectiveName> objectives(Path directory, RunFolder.Selected version) throws IOException {
    Optional<String> meaning = Versions.meaning(directory, version.number());
    return meaning.isEmpty() ? List.of() : SpecMeaning.parse(meaning.get()).objectives();
  }

  /**
   * Prints {@code best} (best.json: the trial `best-model.zip` holds) with the front and the picked
   * trial: JSON under `pareto`, text after the best trial's line; the exit code.
   */
  static ExitCode show(Path directory, RunFolder.Selected version, List<ObjectiveName> objectives, String pick,
      OutputFormat format, ObjectNode best, PrintWriter out, PrintWriter err) throws IOException {
    PickRule rule;
    try {
      rule = pick == null ? PickRule.firstObjective(objectives) : PickRule.parse(pick, objectives);
    } catch (IllegalArgumentException e) {
      err.println("hyp: --pick: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    ParetoFrontView view = new ParetoFrontView(RunFolder.trials(directory, version.info()), objectives, rule);
    if (view.front().isEmpty()) {
      err.println("hyp: no trial of " + directory + " has completed feasible yet");
      return ExitCode.ERRORS;
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (format == OutputFormat.json) {
      best.set("pareto", json.readTree(view.json()));
      out.println(json.writeValueAsString(best));
    } else {
      out.printf(Locale.ROOT, "best-model.zip: trial %d (%s %.4f on %s, the first objective's best): %s%n",
          best.path("trial").asInt(), best.path("metric").asText(), best.path("value").asDouble(),
          best.path("split").asText(), best.path("model").asText());
      out.print(view.text());
    }
    return ExitCode.OK;
  }
}
