package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.ComparisonOperator;
import dev.hyp.compiler.ast.ConstraintMember;
import dev.hyp.compiler.ast.Identifier;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.MultiObjectiveMember;
import dev.hyp.compiler.ast.ObjectiveTerm;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Constraint;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.Objective;
import dev.hyp.compiler.model.Task;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks several objectives (`objective = maximize accuracy on validation, minimize params`) and
 * the `constraints` section: each measure known and fit for the task, a split for a metric and
 * none for the other measures, the first objective a metric (pruning and `best-model.zip` follow
 * it), at most {@value #MAX_OBJECTIVES} objectives, none twice, and bounds that some value of
 * the measure can meet. Whether the smallest network can meet a `params` bound is {@link
 * ConstraintReach}'s to say, once the model is checked.
 */
final class ObjectivesChecker {
  /** Measures that are not metrics: known at build time (`params`) or timed (`train_time`, `latency`). */
  static final List<String> MEASURES = List.of("params", "train_time", "latency");
  static final int MAX_OBJECTIVES = 4;
  private static final Set<String> UNIT_METRICS = Set.of("accuracy", "f1", "precision", "recall", "auc");
  private static final Set<String> NON_NEGATIVE = Set.of("mse", "rmse", "mae", "loss", "params", "train_time",
      "latency");

  /** Checked constraints, with the span each was written at (for later checks). */
  record CheckedConstraints(List<Constraint> constraints, List<Span> spans) {}

  private final Diagnostics diagnostics;

  ObjectivesChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Empty after reporting problems. */
  Optional<List<Objective>> objectives(MultiObjectiveMember written, Task task, DataSpec data) {
    List<Objective> out = new ArrayList<>();
    Map<String, ObjectiveTerm> seen = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < written.terms().size(); i++) {
      ObjectiveTerm term = written.terms().get(i);
      if (i == MAX_OBJECTIVES) {
        diagnostics.add(Diagnostic.error(Code.HYP019, term.span(), "more than " + MAX_OBJECTIVES + " objectives")
            .label("objective " + (i + 1))
            .help("keep at most " + MAX_OBJECTIVES + " objectives; a bound in `constraints { }` takes no objective")
            .build());
        ok = false;
        break;
      }
      if (i == 0 && MEASURES.contains(term.measure().name())) {
        diagnostics.add(firstNotAMetric(term.measure()));
        ok = false;
        continue;
      }
      Optional<String> split = measure(term.measure(), term.split(), task, data);
      if (split == null) {
        ok = false;
        continue;
      }
      String key = term.measure().name() + split.map(s -> " on " + s).orElse("");
      ObjectiveTerm first = seen.putIfAbsent(key, term);
      if (first != null) {
        diagnostics.add(Diagnostic.error(Code.HYP068, term.span(), "objective `" + key + "` is given twice")
            .label("again here")
            .secondary(first.span(), "first here")
            .help("remove one of them")
            .build());
        ok = false;
        continue;
      }
      out.add(new Objective(term.maximize(), term.measure().name(), split.orElse(null)));
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /** The `constraints` section (null: none); empty after reporting problems. */
  Optional<CheckedConstraints> constraints(Block block, Task task, DataSpec data) {
    if (block == null) {
      return Optional.of(new CheckedConstraints(List.of(), List.of()));
    }
    List<Constraint> out = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    Map<String, ConstraintMember> seen = new HashMap<>();
    boolean ok = true;
    for (Member member : block.members()) {
      if (!(member instanceof ConstraintMember c)) {
        diagnostics.add(Diagnostic.error(Code.HYP021, member.span(), "only bounds on measures go in `constraints`")
            .label("not a bound")
            .help("write a bound such as `params <= 20000` or `accuracy on validation >= 0.8`")
            .build());
        ok = false;
        continue;
      }
      Optional<String> split = measure(c.measure(), c.split(), task, data);
      Double bound = Literals.number(c.limit());
      if (bound == null) {
        diagnostics.add(Diagnostic.error(Code.HYP018, c.limit().span(), "a constraint's bound must be a number")
            .label("not a number")
            .help("write a number, such as `" + c.measure().name() + " " + c.op().symbol() + " 100`")
            .build());
        ok = false;
      }
      if (split == null || bound == null) {
        ok = false;
        continue;
      }
      boolean atMost = c.op() == ComparisonOperator.LE;
      String key = c.measure().name() + split.map(s -> " on " + s).orElse("") + " " + c.op().symbol();
      ConstraintMember first = seen.putIfAbsent(key, c);
      if (first != null) {
        diagnostics.add(Diagnostic.error(Code.HYP014, c.span(), "bound `" + key + "` is given twice")
            .label("again here")
            .secondary(first.span(), "first here")
            .help("keep the one you mean")
            .build());
        ok = false;
        continue;
      }
      if (!reachable(c.measure().name(), atMost, bound)) {
        diagnostics.add(Diagnostic.error(Code.HYP069, c.span(), "no trial can meet `" + key + " "
                + Literals.format(bound) + "`")
            .label(range(c.measure().name()))
            .help("change the bound or remove it")
            .build());
        ok = false;
        continue;
      }
      out.add(new Constraint(c.measure().name(), split.orElse(null), atMost, bound));
      spans.add(c.span());
    }
    return ok ? Optional.of(new CheckedConstraints(out, spans)) : Optional.empty();
  }

  /**
   * Checks a measure and its split; null after reporting a problem, else the split (empty for a
   * measure that is not a metric).
   */
  private Optional<String> measure(Identifier measure, Identifier split, Task task, DataSpec data) {
    String name = measure.name();
    if (MEASURES.contains(name)) {
      if (split != null) {
        diagnostics.add(Diagnostic.error(Code.HYP021, split.span(), "`" + name + "` is not measured on a split")
            .label("no split for `" + name + "`")
            .help("write `" + name + "` alone")
            .build());
        return null;
      }
      return Optional.empty();
    }
    List<String> metrics = task == null ? allMetrics() : metrics(task);
    if (!allMetrics().contains(name)) {
      List<String> known = new ArrayList<>(metrics);
      known.addAll(MEASURES);
      diagnostics.add(Diagnostic.error(Code.HYP067, measure.span(), "unknown measure `" + name + "`")
          .label("not a measure")
          .help(helpOr(Suggestions.help(name, known), "the measures of this task are " + quoted(known)))
          .build());
      return null;
    }
    if (!metrics.contains(name)) {
      String kind = task.name().toLowerCase(Locale.ROOT);
      diagnostics.add(Diagnostic.error(Code.HYP060, measure.span(), "`" + name + "` does not fit a " + kind + " task")
          .label("a " + (task == Task.CLASSIFICATION ? "regression" : "classification") + " metric")
          .note("the output layer's loss makes this a " + kind + " task")
          .help("use one of " + quoted(metrics))
          .build());
      return null;
    }
    if (split == null) {
      diagnostics.add(Diagnostic.error(Code.HYP017, measure.span(), "the metric `" + name + "` needs a split")
          .label("measured where?")
          .help("write `" + name + " on validation`")
          .build());
      return null;
    }
    if (!Builtins.SPLITS.contains(split.name())) {
      diagnostics.add(Diagnostic.error(Code.HYP012, split.span(), "unknown split `" + split.name() + "`")
          .label("not a split")
          .help(helpOr(Suggestions.help(split.name(), Builtins.SPLITS), "measure `on validation` or `on test`"))
          .build());
      return null;
    }
    if (split.name().equals("test") && data != null && !data.hasTest()) {
      diagnostics.add(Diagnostic.error(Code.HYP064, split.span(), "`" + name + "` is measured on `test`, "
              + "but the data keeps no test rows")
          .label("no test split")
          .help("add `test = 0.1` to `holdout(...)` or `test = csv(...)` to `data`, or measure `on validation`")
          .build());
      return null;
    }
    return Optional.of(split.name());
  }

  static Diagnostic firstNotAMetric(Identifier measure) {
    return Diagnostic.error(Code.HYP021, measure.span(), "the first objective must be a metric, not `"
            + measure.name() + "`")
        .label("not a metric")
        .note("trials are pruned, and `best-model.zip` is chosen, on the first objective")
        .help("put a metric first: `objective = maximize accuracy on validation, minimize " + measure.name() + "`")
        .build();
  }

  /** Whether some value of the measure meets the bound, from the measure's range alone. */
  private static boolean reachable(String measure, boolean atMost, double bound) {
    if (atMost && NON_NEGATIVE.contains(measure) && bound < 0) {
      return false;
    }
    if (atMost && (measure.equals("train_time") || measure.equals("latency")) && bound <= 0) {
      return false;
    }
    if (UNIT_METRICS.contains(measure)) {
      return atMost ? bound >= 0 : bound <= 1;
    }
    if (measure.equals("r2")) {
      return atMost || bound <= 1;
    }
    return true;
  }

  private static String range(String measure) {
    if (UNIT_METRICS.contains(measure)) {
      return "`" + measure + "` lies between 0 and 1";
    }
    if (measure.equals("r2")) {
      return "`r2` is at most 1";
    }
    if (measure.equals("train_time") || measure.equals("latency")) {
      return "a time is above 0";
    }
    return "`" + measure + "` is never negative";
  }

  private static List<String> allMetrics() {
    Set<String> all = new LinkedHashSet<>(Builtins.CLASSIFICATION_METRICS);
    all.addAll(Builtins.REGRESSION_METRICS);
    return new ArrayList<>(all);
  }

  private static List<String> metrics(Task task) {
    return task == Task.CLASSIFICATION ? Builtins.CLASSIFICATION_METRICS : Builtins.REGRESSION_METRICS;
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }

  private static String helpOr(String help, String fallback) {
    return help != null ? help : fallback;
  }
}
