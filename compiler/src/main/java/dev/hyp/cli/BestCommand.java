package dev.hyp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.runfolder.BestModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp best RUN_DIR`: the best trial's parameters, metrics and model. */
@Command(name = "best",
    description = "Show the best trial of a run: its parameters, validation and test metrics, and the model's path.")
final class BestCommand implements Callable<Integer> {
  @Mixin
  VersionedCommonOptions common;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = "--format", defaultValue = "text", converter = OutputFormat.TextOrJson.class,
      completionCandidates = OutputFormat.TextOrJson.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--version", paramLabel = "N",
      description = "Which version of the spec, by number (default: the current one).")
  String version;

  @Option(names = "--spec", description = "Write the spec frozen at the best trial instead (as `hyp freeze`).")
  boolean spec;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "With --spec: where to write it (default: print).")
  Path output;

  @Option(names = "--pick", paramLabel = "RULE", description = "With several objectives: which front trial to pick,"
      + " e.g. \"min params where accuracy >= best - 0.01\" (default: the first objective's best).")
  String pick;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = common.out();
    PrintWriter err = common.err();
    if (spec || output != null) {
      if (version != null || !spec) {
        err.println("hyp: " + (spec ? "--spec freezes the current version; leave out --version"
            : "-o goes with --spec"));
        return common.exit(ExitCode.BAD_INPUT);
      }
      return common.exit(FrozenSpecWriter.write(directory, null, output, out, err));
    }
    List<RunFolder.Selected> versions = RunFolder.select(directory, version, false, err);
    if (versions == null) {
      return common.exit(ExitCode.BAD_INPUT);
    }
    List<dev.hyp.runtime.trial.ObjectiveName> objectives = BestFront.objectives(directory, versions.get(0));
    if (objectives.size() <= 1 && pick != null) {
      err.println("hyp: --pick chooses from the Pareto front of a search with several objectives; " + directory
          + " has one");
      return common.exit(ExitCode.BAD_INPUT);
    }
    Path folder = RunFolder.bestFolder(directory, versions.get(0));
    Optional<ObjectNode> summary = BestModel.readSummary(folder);
    if (summary.isEmpty()) { // with several objectives too: best-model.zip is the first feasible trial's best
      err.println("hyp: no trial of " + directory + (version == null ? "" : " in version " + versions.get(0).number())
          + " has completed yet");
      return common.exit(ExitCode.ERRORS);
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode best = summary.get();
    best.put("model", folder.resolve(best.path("model").asText()).toAbsolutePath().normalize().toString());
    if (objectives.size() > 1) { // the trial best-model.zip holds, then the Pareto front and the pick
      return common.exit(BestFront.show(directory, versions.get(0), objectives, pick, format, best, out, err));
    }
    if (format == OutputFormat.json) {
      out.println(json.writeValueAsString(best));
    } else {
      out.printf(Locale.ROOT, "best trial: %d (%s %.4f on %s)%n", best.path("trial").asInt(),
          best.path("metric").asText(), best.path("value").asDouble(), best.path("split").asText());
      out.println("params:     " + pairs(best.path("params")));
      out.println("validation: " + pairs(best.path("validation")));
      if (best.path("test").size() > 0) {
        out.println("test:       " + pairs(best.path("test")));
      }
      out.println("model:      " + best.path("model").asText());
    }
    StaleReport.refresh(directory, err);
    return common.exit(ExitCode.OK);
  }

  private static String pairs(JsonNode object) {
    StringBuilder text = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      text.append(text.length() == 0 ? "" : " ").append(field.getKey()).append('=')
          .append(value.isFloatingPointNumber() ? String.format(Locale.ROOT, "%.4g", value.asDouble())
              : value.asText());
    }
    return text.toString();
  }
}
