package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.TrainSpec;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks `train`: epochs and batch may be parameters; early stopping and schedule are fixed. */
final class TrainChecker {
  private static final Map<String, Signature.Parameter> SETTINGS = Builtins.SETTINGS.get("train");

  private final Diagnostics diagnostics;
  private final ValueChecker values;

  TrainChecker(Diagnostics diagnostics, ValueChecker values) {
    this.diagnostics = diagnostics;
    this.values = values;
  }

  /** Empty after reporting problems. */
  Optional<TrainSpec> check(Block train) {
    Map<String, Setting> settings = train == null ? Map.of()
        : new SettingsReader(diagnostics).read(train.members(), "`train`", SETTINGS, null);
    Optional<Map<String, Value>> valid = SectionValues.check(settings, "`train`", SETTINGS, values,
        Set.of("epochs", "batch"));
    if (valid.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Value> checked = valid.get();
    Value stopping = checked.get("early_stopping");
    Value schedule = checked.get("lr_schedule");
    return Optional.of(new TrainSpec(checked.getOrDefault("epochs", Value.of(10L, Span.NONE)),
        checked.getOrDefault("batch", Value.of(32L, Span.NONE)),
        stopping == null ? null : new TrainSpec.EarlyStopping(Values.longOf(Values.argument(stopping, "epochs")),
            Values.doubleOf(Values.argument(stopping, "min_delta"))),
        schedule == null ? null : schedule(schedule)));
  }

  private static TrainSpec.Schedule schedule(Value schedule) {
    if (Values.calleeOf(schedule).equals("cosine")) {
      return new TrainSpec.CosineSchedule();
    }
    return new TrainSpec.StepSchedule(Values.longOf(Values.argument(schedule, "every")),
        Values.doubleOf(Values.argument(schedule, "factor")));
  }
}
