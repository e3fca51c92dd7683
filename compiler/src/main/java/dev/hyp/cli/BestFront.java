package dev.hyp.cli;

import dev.hyp.runtime.report.ParetoFrontView;
import dev.hyp.runtime.report.PickRule;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.runfolder.FrontModels;
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
    String runRule = best.path("pick").isTextual() ? best.path("pick").asText() : null; // the spec's, if it had one
    try {
      rule = pick != null ? PickRule.parse(pick, objectives)
          : runRule != null ? PickRule.parse(runRule, objectives) : PickRule.firstObjective(objectives);
    } catch (IllegalArgumentException e) {
      err.println("hyp: " + (pick != null ? "--pick" : "best.json's `pick`") + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    ParetoFrontView view = new ParetoFrontView(RunFolder.trials(directory, version.info()), objectives, rule);
    if (view.front().isEmpty()) {
      err.println("hyp: no trial of " + directory + " has completed feasible yet");
      return ExitCode.ERRORS;
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Path folder = RunFolder.bestFolder(directory, version);
    if (format == OutputFormat.json) {
      ObjectNode pareto = (ObjectNode) json.readTree(view.json());
      for (com.fasterxml.jackson.databind.JsonNode trial : pareto.path("front")) {
        frontModel(folder, trial.path("trial").asInt()).ifPresent(model -> ((ObjectNode) trial).put("model", model));
      }
      best.set("pareto", pareto);
      out.println(json.writeValueAsString(best));
    } else {
      out.printf(Locale.ROOT, "best-model.zip: trial %d (%s %.4f on %s, %s): %s%n",
          best.path("trial").asInt(), best.path("metric").asText(), best.path("value").asDouble(),
          best.path("split").asText(), runRule == null ? "the first objective's best" : "picked by `" + runRule + "`",
          best.path("model").asText());
      out.print(view.text());
      for (var trial : view.front()) {
        frontModel(folder, trial.number()).ifPresent(model -> out.printf(Locale.ROOT, "model of trial %d: %s%n",
            trial.number(), model));
      }
    }
    return ExitCode.OK;
  }

  /** A front trial's kept model (`hyp run --keep front`, or a spec's `pick`), as an absolute path. */
  private static Optional<String> frontModel(Path folder, int trial) {
    Path model = FrontModels.modelFile(folder, trial);
    return java.nio.file.Files.isRegularFile(model)
        ? Optional.of(model.toAbsolutePath().normalize().toString()) : Optional.empty();
  }
}
