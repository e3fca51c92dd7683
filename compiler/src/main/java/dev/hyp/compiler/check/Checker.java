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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
    Optional<CheckedExperiment> experiment = check(parsed.experiment(), parsed.source(), diagnostics);
    return new CheckResult(diagnostics.hasErrors() ? null : experiment.orElse(null), diagnostics.sorted());
  }

  /** Empty when some section had problems (reported). */
  private Optional<CheckedExperiment> check(Experiment experiment, SourceFile source, Diagnostics diagnostics) {
    SectionIndex sections = SectionIndex.of(experiment, diagnostics);
    ParamTable params = new ParamChecker(diagnostics).check(sections.blocks.get("params"));
    ParamCount.check(params, diagnostics);
    ValueChecker values = new ValueChecker(diagnostics, params);

    Map<String, Setting> topSettings = new SettingsReader(diagnostics).read(sections.settings, "the experiment",
        TOP_SETTINGS, null);
    Optional<Map<String, Value>> top = SectionValues.check(topSettings, "the experiment", TOP_SETTINGS, values,
        Set.of());

    Path specDirectory = source.path() == null ? null : source.path().toAbsolutePath().getParent();
    // a missing `data`, `model` or `objective` is reported by the section index
    DataChecker dataChecker = new DataChecker(diagnostics, values, specDirectory);
    Optional<DataSpec> data = Optional.ofNullable(sections.blocks.get("data")).flatMap(dataChecker::check);
    ModelChecker modelChecker = new ModelChecker(diagnostics, values, params, source);
    Optional<ModelChecker.Result> model = Optional.ofNullable(sections.blocks.get("model"))
        .flatMap(block -> modelChecker.check(block,
            data.map(DataSpec::imageInput)
                .orElseGet(() -> ImageSourceChecker.writesImages(sections.blocks.get("data")))));
    if (data.isPresent() && model.isPresent()) {
      ClassWeightsChecker.check(data.get(), model.get().output(), sections.blocks.get("data"), diagnostics);
    }
    Optional<TrainSpec> train = new TrainChecker(diagnostics, values).check(sections.blocks.get("train"));
    Optional<SearchSpec> search = new SearchChecker(diagnostics, values, params).check(sections.search);
    Optional<Objective> objective = Optional.ofNullable(sections.objective)
        .flatMap(written -> new ObjectiveChecker(diagnostics).check(written,
            modelChecker.task(), data.orElse(null)));
    ObjectivesChecker several = new ObjectivesChecker(diagnostics);
    Optional<List<Objective>> objectives = sections.objectives == null ? objective.map(List::of)
        : several.objectives(sections.objectives, modelChecker.task(), data.orElse(null));
    if (sections.objectives != null) {
      objective = objectives.map(all -> all.get(0));
    }
    Optional<ObjectivesChecker.CheckedConstraints> constraints = several.constraints(
        sections.blocks.get("constraints"), modelChecker.task(), data.orElse(null));
    Optional<String> pick = topSettings.containsKey("pick") && top.isPresent() && objectives.isPresent()
        ? PickChecker.check(topSettings.get("pick"), Values.stringOf(top.get().get("pick")), objectives.get(),
            diagnostics)
        : Optional.empty();
    ImageSourceChecker.checkTask(data.orElse(null), modelChecker.task(),
        sections.blocks.get("data"), diagnostics);
    reportUnused(params, diagnostics);

    if (diagnostics.hasErrors()
        || Stream.of(top, data, model, train, search, objective, objectives, constraints)
            .anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    Map<String, Value> settings = top.get();
    CheckedExperiment checked = new CheckedExperiment(experiment.name().name(),
        settings.containsKey("description") ? Values.stringOf(settings.get("description")) : "",
        settings.containsKey("seed") ? Values.longOf(settings.get("seed")) : 0L,
        source.path(), model.get().output().task(), data.get(), params.all().stream().map(p -> p.spec).toList(),
        model.get().model(), train.get(), search.get(), objective.get(), objectives.get(),
        constraints.get().constraints(), pick.orElse(null));
    ConstraintReach.check(checked, constraints.get().spans(), diagnostics);
    new MemoryChecker(diagnostics, MemoryChecker.machineMemory()).check(checked);
    return Optional.of(checked);
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
