package dev.hyp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.runfolder.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `hyp best RUN_DIR`: the best trial's parameters, metrics and model. */
@Command(name = "best", mixinStandardHelpOptions = true,
    description = "Show the best trial of a run: its parameters, validation and test metrics, and the model's path.")
final class BestCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = "--format", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (RunFolder.info(directory, err) == null) {
      return Main.USAGE;
    }
    Optional<ObjectNode> summary = BestModel.readSummary(directory);
    if (summary.isEmpty()) {
      err.println("hyp: no trial of " + directory + " has completed yet");
      return 1;
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode best = summary.get();
    best.put("model", directory.resolve(best.path("model").asText()).toAbsolutePath().normalize().toString());
    if (format == Format.json) {
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
    out.flush();
    return 0;
  }

  private static String pairs(JsonNode object) {
    StringBuilder text = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      text.append(text.length() == 0 ? "" : " ").append(field.getKey()).append('=')
          .append(value.isFloatingPointNumber() ? String.format(Locale.ROOT, "%.4g", value.asDouble()) : value.asText());
    }
    return text.toString();
  }
}
