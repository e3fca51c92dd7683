package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.Objective;
import dev.hyp.compiler.model.SearchSpec;
import dev.hyp.compiler.model.TrainSpec;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.source.SourceFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed spec and builds the checked model. It reports as many problems as it can
 * in one go, and never throws for bad input.
 */
public final class Checker {
  private static final Map<String, Signature.Parameter> TOP_SETTINGS = Builtins.SETTINGS.get("");

  public CheckResult check(ParseResult parsed) {
    if (!parsed.succeeded()) {
      return new CheckResult(null, parsed.diagnostics());
    }
    Diagnostics diagnostics = new Diagnostics();
    CheckedExperiment experiment = check(parsed.experiment(), parsed.source(), diagnostics);
    return new CheckResult(diagnostics.hasErrors() ? null : experiment, diagnostics.sorted());
  }

  private CheckedExperiment check(Experiment experiment, SourceFile source, Diagnostics diagnostics) {
    SectionIndex sections = SectionIndex.of(experiment, diagnostics);
    ParamTable params = new ParamChecker(diagnostics).check(sections.blocks.get("params"));
    ValueChecker values = new ValueChecker(diagnostics, params);

    Map<String, Setting> topSettings = new SettingsReader(diagnostics).read(sections.settings, "the experiment",
        TOP_SETTINGS, null);
    Optional<Map<String, Value>> top = SectionValues.check(topSettings, "the experiment", TOP_SETTINGS, values,
        Set.of());

    Path specDirectory = source.path() == null ? null : source.path().toAbsolutePath().getParent();
    DataSpec data = sections.blocks.containsKey("data")
        ? new DataChecker(diagnostics, values, specDirectory).check(sections.blocks.get("data")) : null;
    ModelChecker.Result model = sections.blocks.containsKey("model")
        ? new ModelChecker(diagnostics, values, params, source).check(sections.blocks.get("model"),
            data != null && data.shape() != null)
        : null;
    TrainSpec train = new TrainChecker(diagnostics, values).check(sections.blocks.get("train"));
    SearchSpec search = new SearchChecker(diagnostics, values, params).check(sections.search);
    Objective objective = sections.objective == null ? null
        : new ObjectiveChecker(diagnostics).check(sections.objective, model == null ? null : model.output().task(), data);
    reportUnused(params, diagnostics);

    if (diagnostics.hasErrors() || top.isEmpty() || data == null || model == null || train == null || search == null
        || objective == null) {
      return null;
    }
    return new CheckedExperiment(experiment.name().name(),
        top.get().containsKey("description") ? Values.stringOf(top.get().get("description")) : "",
        top.get().containsKey("seed") ? Values.longOf(top.get().get("seed")) : 0L,
        source.path(), model.output().task(), data, params.all().stream().map(p -> p.spec).toList(), model.model(),
        train, search, objective);
  }

  private static void reportUnused(ParamTable params, Diagnostics diagnostics) {
    for (ParamInfo parameter : params.all()) {
      if (!parameter.used()) {
        diagnostics.add(Diagnostic.warning(Code.HYP100, parameter.nameSpan, "parameter `" + parameter.name()
                + "` is never used")
            .label("declared but not used")
            .help("use it in `model`, `train` or `data`, or remove it")
            .build());
      }
    }
  }
}
