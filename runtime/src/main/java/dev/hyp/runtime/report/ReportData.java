package dev.hyp.runtime.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.trial.BestTrialOrder;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's data as one JSON object, which the page's script turns into charts and a table. */
final class ReportData {
  /** The seed of the importance forest, fixed so the same run gives the same report. */
  static final long IMPORTANCE_SEED = 0;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ReportData() {}

  static ObjectNode of(ReportInput input) {
    List<ParameterAxis> axes = ParameterAxis.of(input.trials(), input.scales());
    ObjectNode root = NODES.objectNode();
    root.put("experiment", input.experiment());
    root.put("metric", input.metric());
    root.put("split", input.split());
    root.put("maximize", input.maximize());
    ArrayNode params = root.putArray("params");
    for (ParameterAxis axis : axes) {
      ObjectNode param = params.addObject();
      param.put("name", axis.name());
      List<Object> choices = declaredChoices(input, axis);
      // a choice is drawn as its choices, in the order written, even when they are numbers
      param.put("kind", axis.numeric() && choices.isEmpty() ? "numeric" : "categorical");
      param.put("log", axis.log());
      param.put("varies", axis.varies());
      ArrayNode categories = param.putArray("categories");
      (choices.isEmpty() ? axis.categories() : choices).forEach(c -> categories.add(String.valueOf(c)));
    }
    ArrayNode trials = root.putArray("trials");
    input.trials().forEach(t -> trials.add(trial(t)));
    // the best trial's number, as the study and best-model.zip decide it (ties: the lower validation loss)
    new BestTrialOrder(input.maximize() ? Direction.MAXIMIZE : Direction.MINIMIZE).best(input.trials())
        .ifPresentOrElse(best -> root.put("best", best.number()), () -> root.putNull("best"));
    root.set("importance", importance(FanovaImportance.of(input.trials(), axes, IMPORTANCE_SEED)));
    if (input.objectives().size() > 1) {
      root.set("front", ParetoFrontData.of(input.trials(), input.objectives()));
    }
    return root;
  }

  /** A numeric parameter's choices when run.json declares it a choice (and its trials took no other value), else none. */
  private static List<Object> declaredChoices(ReportInput input, ParameterAxis axis) {
    if (!axis.numeric()) {
      return List.of();
    }
    for (ParamScale scale : input.scales()) {
      if (scale.name().equals(axis.name()) && scale.scale().equals(ParamScale.CATEGORICAL)) {
        List<Object> choices = scale.normalizedChoices();
        boolean within = input.trials().stream().filter(t -> t.params().has(axis.name()))
            .allMatch(t -> choices.contains(t.params().get(axis.name())));
        return within ? choices : List.of();
      }
    }
    return List.of();
  }

  private static ObjectNode trial(FrozenTrial trial) {
    ObjectNode node = NODES.objectNode();
    node.put("number", trial.number());
    node.put("state", trial.state().name().toLowerCase(Locale.ROOT));
    if (trial.value() == null || !Double.isFinite(trial.value())) {
      node.putNull("value");
    } else {
      node.put("value", trial.value());
    }
    ObjectNode params = node.putObject("params");
    for (Map.Entry<String, Object> param : trial.params().asMap().entrySet()) {
      if (param.getValue() instanceof Number number) {
        params.put(param.getKey(), number.doubleValue());
      } else {
        params.put(param.getKey(), String.valueOf(param.getValue()));
      }
    }
    node.put("epochs", trial.intermediate().size());
    if (trial.finishedAt() == null) {
      node.putNull("seconds");
    } else {
      node.put("seconds", Duration.between(trial.startedAt(), trial.finishedAt()).toMillis() / 1000.0);
    }
    node.put("reason", trial.reason());
    if (trial.isCarried()) {
      node.put("carried_from", trial.carriedFrom());
    }
    ArrayNode curve = node.putArray("curve");
    trial.intermediate().forEach((step, value) -> {
      if (value != null && Double.isFinite(value)) {
        curve.addArray().add(step).add(value);
      }
    });
    node.put("running", trial.state() == TrialState.RUNNING);
    return node;
  }

  private static ObjectNode importance(FanovaImportance.Result result) {
    ObjectNode node = NODES.objectNode();
    node.put("method", "fANOVA on a random forest of " + FanovaImportance.TREES + " regression trees");
    node.put("message", result.message());
    ArrayNode rated = node.putArray("rated");
    result.rated().forEach(r -> rated.addObject().put("name", r.name()).put("importance", r.importance()));
    ArrayNode notRated = node.putArray("notRated");
    result.notRated().forEach(r -> notRated.addObject().put("name", r.name()).put("why", r.why()));
    return node;
  }
}
