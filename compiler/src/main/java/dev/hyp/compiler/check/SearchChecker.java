package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.SearchBlock;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.SearchSpec;
import dev.hyp.compiler.model.Value;
import dev.hyp.runtime.vocab.Settings;
import dev.hyp.runtime.vocab.Strategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks `search STRATEGY { ... }`: the strategy, its options, the budget, the pruner, and grid finiteness. */
final class SearchChecker {
  static final long DEFAULT_TRIALS = (Long) Settings.TRIALS.defaultValue();
  private static final long GRID_LIMIT = 1_000_000;

  private final Diagnostics diagnostics;
  private final ValueChecker values;
  private final ParamTable params;

  SearchChecker(Diagnostics diagnostics, ValueChecker values, ParamTable params) {
    this.diagnostics = diagnostics;
    this.values = values;
    this.params = params;
  }

  /** Empty after reporting problems. */
  Optional<SearchSpec> check(SearchBlock search) {
    if (search == null) {
      return Optional.of(new SearchSpec(Strategy.DEFAULT.hypName(), Map.of(), DEFAULT_TRIALS, 1, null, null, null,
          new SearchSpec.Pruner("none", Map.of())));
    }
    String strategy = search.strategy().name();
    if (!Builtins.STRATEGIES.contains(strategy)) {
      diagnostics.add(Diagnostic.error(Code.HYP012, search.strategy().span(), "unknown search strategy `"
              + strategy + "`")
          .label("not a strategy")
          .help(helpOr(helpOr(Habits.strategy(strategy), Suggestions.help(strategy, Builtins.STRATEGIES)),
              "the strategies are " + strategyList()))
          .build());
      checkCommonSettings(search, "`search " + strategy + "`");
      return Optional.empty();
    }
    Map<String, Signature.Parameter> known = new LinkedHashMap<>(Builtins.SETTINGS.get("search"));
    known.putAll(Builtins.STRATEGY_OPTIONS.get(strategy));
    String section = "`search " + strategy + "`";
    Map<String, Setting> settings = new SettingsReader(diagnostics).read(search.members(), section, known, null);
    Optional<Map<String, Value>> valid = SectionValues.check(settings, section, known, values, Set.of());
    if (valid.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Value> checked = valid.get();
    Optional<Long> gridSize = strategy.equals("grid") ? gridSize(search, settings.get("trials")) : Optional.empty();
    if (strategy.equals("grid") && gridSize.isEmpty()) {
      return Optional.empty();
    }
    long trials = checked.containsKey("trials") ? Values.longOf(checked.get("trials"))
        : gridSize.orElse(DEFAULT_TRIALS);
    if (trials > 1 && settings.get("trials") != null && singlePoint()) {
      diagnostics.add(Diagnostic.warning(Code.HYP103, settings.get("trials").value().span(), "the search space has "
              + "one point, so one trial runs, not " + trials)
          .label("every trial would train the same configuration")
          .help("remove `trials`, or give a parameter a range to search")
          .build());
    }
    Map<String, Object> options = new LinkedHashMap<>();
    Builtins.STRATEGY_OPTIONS.get(strategy).forEach((name, parameter) -> {
      Value value = checked.get(name);
      Object option = value == null ? parameter.defaultValue() : Values.plain(value);
      if (option != null) {
        options.put(name, option);
      }
    });
    return Optional.of(new SearchSpec(strategy, options, trials,
        checked.containsKey("parallel") ? Values.longOf(checked.get("parallel")) : 1,
        checked.containsKey("timeout") ? Values.longOf(checked.get("timeout")) : null,
        checked.containsKey("target") ? Values.doubleOf(checked.get("target")) : null,
        checked.containsKey("max_failures") ? Values.longOf(checked.get("max_failures")) : null,
        pruner(checked.get("pruner")),
        checked.containsKey(Settings.REFIT) ? Values.booleanOf(checked.get(Settings.REFIT)) : Settings.REFIT_DEFAULT));
  }

  /**
   * Under an unknown strategy, the settings every strategy has (`trials`, `pruner`, ...): they do
   * not depend on it. The others may be the intended strategy's options, so they are left alone.
   */
  private void checkCommonSettings(SearchBlock search, String section) {
    Map<String, Signature.Parameter> common = Builtins.SETTINGS.get("search");
    List<Member> members = search.members().stream()
        .filter(m -> m instanceof Setting s && common.containsKey(s.name().name()))
        .toList();
    SectionValues.check(new SettingsReader(diagnostics).read(members, section, common, null), section, common, values,
        Set.of());
  }

  private static SearchSpec.Pruner pruner(Value pruner) {
    if (pruner == null) {
      return new SearchSpec.Pruner("none", Map.of());
    }
    Map<String, Object> options = new LinkedHashMap<>();
    ((Value.Invocation) pruner).arguments().forEach((name, value) -> options.put(name, Values.plain(value)));
    return new SearchSpec.Pruner(Values.calleeOf(pruner), options);
  }

  /**
   * The number of grid points; empty (reported) when some parameter has infinitely many values.
   * A budget {@code trials} written as a number below it is warned about (as written, so
   * arithmetic there is not).
   */
  private Optional<Long> gridSize(SearchBlock search, Setting trials) {
    boolean finite = true;
    for (ParamInfo parameter : params.all()) {
      Distribution distribution = parameter.spec.distribution();
      if (distribution.cardinality() < 0) {
        boolean log = distribution instanceof Distribution.FloatRange f && f.log();
        diagnostics.add(Diagnostic.error(Code.HYP050, parameter.valueSpan, "`grid` needs a finite space, "
                + "but `" + parameter.name() + "` is a continuous range")
            .label("infinitely many values")
            .secondary(search.strategy().span(), "grid search chosen here")
            .help(log ? "list the values to try: `choice(1e-4, 1e-3, 1e-2)`"
                : "give it a step, for example `uniform(lo, hi, step = 0.1)`, or list values with `choice(...)`")
            .build());
        finite = false;
      }
    }
    if (!finite) {
      return Optional.empty();
    }
    long size = GridSize.count(params.all().stream().map(p -> p.spec).toList(), GRID_LIMIT);
    long points = size < 0 ? GRID_LIMIT : size;
    Double budget = trials == null ? null : Literals.number(trials.value());
    if (budget != null && budget < points) {
      diagnostics.add(Diagnostic.warning(Code.HYP101, trials.value().span(), "the grid has "
              + (size < 0 ? "more than " + GRID_LIMIT : String.valueOf(size)) + " points, but only "
              + Builtins.format(budget) + " trials will run")
          .label("the rest of the grid is never tried")
          .help("remove `trials` to run the whole grid, or use `random` or `tpe` for a partial search")
          .build());
    }
    return Optional.of(points);
  }

  /** Every parameter has one value (or there are none): the whole space is one configuration. */
  private boolean singlePoint() {
    return params.all().stream().allMatch(p -> p.spec.distribution().cardinality() == 1);
  }

  private static String helpOr(String help, String fallback) {
    return help != null ? help : fallback;
  }

  /** `a`, `b` and `c`: the vocabulary's strategies, so a new one shows in the help. */
  private static String strategyList() {
    List<String> quoted = Builtins.STRATEGIES.stream().map(n -> "`" + n + "`").toList();
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
  }
}
