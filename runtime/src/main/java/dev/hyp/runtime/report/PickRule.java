package dev.hyp.runtime.report;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.ObjectiveName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * `hyp best --pick RULE`: which trial of the Pareto front to take.
 *
 * <pre>
 * RULE  = ("min" | "max") MEASURE ["where" COND {"and" COND}]
 * COND  = MEASURE ("&lt;=" | "&gt;=" | "&lt;" | "&gt;") VALUE
 * VALUE = NUMBER | "best" [("+" | "-") NUMBER]
 * </pre>
 *
 * A measure is an objective's column name ({@code accuracy}, {@code params}, {@code
 * accuracy_test}); {@code best} is that measure's best value on the front. For instance {@code min
 * params where accuracy >= best - 0.01}: the smallest network within 0.01 of the best accuracy.
 * Ties go to the earlier trial. The default rule, which `best-model.zip` follows, is the first
 * objective's best ({@link #firstObjective}).
 */
public final class PickRule {
  private record Condition(int measure, String op, boolean fromBest, double offset) {}

  private final boolean minimize;
  private final int measure;
  private final List<Condition> conditions;
  private final String text;

  private PickRule(boolean minimize, int measure, List<Condition> conditions, String text) {
    this.minimize = minimize;
    this.measure = measure;
    this.conditions = conditions;
    this.text = text;
  }

  /** The rule `best-model.zip` follows: the best value of the first objective. */
  public static PickRule firstObjective(List<ObjectiveName> objectives) {
    ObjectiveName first = objectives.get(0);
    return new PickRule(first.direction() == Direction.MINIMIZE, 0, List.of(),
        (first.direction() == Direction.MINIMIZE ? "min " : "max ") + first.column());
  }

  /** @throws IllegalArgumentException with a one-line reason for a rule that does not parse */
  public static PickRule parse(String rule, List<ObjectiveName> objectives) {
    List<String> words = List.of(rule.trim().split("\\s+"));
    if (words.size() < 2 || !(words.get(0).equals("min") || words.get(0).equals("max"))) {
      throw new IllegalArgumentException("a rule starts with `min` or `max` and a measure, as in `min params where "
          + "accuracy >= best - 0.01`");
    }
    int measure = measure(words.get(1), objectives);
    List<Condition> conditions = new ArrayList<>();
    int i = 2;
    if (i < words.size()) {
      if (!words.get(i).equals("where")) {
        throw new IllegalArgumentException("expected `where` after `" + words.get(1) + "`, found `" + words.get(i) + "`");
      }
      i++;
      while (true) {
        if (i + 2 >= words.size()) {
          throw new IllegalArgumentException("a condition is MEASURE OP VALUE, as in `accuracy >= 0.9`");
        }
        int m = measure(words.get(i), objectives);
        String op = words.get(i + 1);
        if (!List.of("<=", ">=", "<", ">").contains(op)) {
          throw new IllegalArgumentException("unknown comparison `" + op + "`; use <=, >=, < or >");
        }
        i += 2;
        boolean fromBest = words.get(i).equals("best");
        double offset = 0;
        if (fromBest) {
          i++;
          if (i < words.size() && (words.get(i).equals("+") || words.get(i).equals("-"))) {
            if (i + 1 >= words.size()) {
              throw new IllegalArgumentException("expected a number after `best " + words.get(i) + "`");
            }
            offset = number(words.get(i + 1)) * (words.get(i).equals("-") ? -1 : 1);
            i += 2;
          }
        } else {
          offset = number(words.get(i));
          i++;
        }
        conditions.add(new Condition(m, op, fromBest, offset));
        if (i >= words.size()) {
          break;
        }
        if (!words.get(i).equals("and")) {
          throw new IllegalArgumentException("expected `and` between conditions, found `" + words.get(i) + "`");
        }
        i++;
      }
    }
    return new PickRule(words.get(0).equals("min"), measure, conditions, rule.trim());
  }

  /** The front trial the rule picks, or empty when no trial meets its conditions. */
  public Optional<FrozenTrial> pick(List<FrozenTrial> front, List<ObjectiveName> objectives) {
    FrozenTrial chosen = null;
    for (FrozenTrial t : front) {
      if (!meets(t, front, objectives)) {
        continue;
      }
      double v = t.objectiveValue(measure);
      double c = chosen == null ? Double.NaN : chosen.objectiveValue(measure);
      if (chosen == null || (minimize ? v < c : v > c)) {
        chosen = t;
      }
    }
    return Optional.ofNullable(chosen);
  }

  public String text() {
    return text;
  }

  private boolean meets(FrozenTrial t, List<FrozenTrial> front, List<ObjectiveName> objectives) {
    for (Condition c : conditions) {
      double bound = c.offset();
      if (c.fromBest()) {
        boolean max = objectives.get(c.measure()).direction() == Direction.MAXIMIZE;
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (FrozenTrial f : front) {
          best = max ? Math.max(best, f.objectiveValue(c.measure())) : Math.min(best, f.objectiveValue(c.measure()));
        }
        bound += best;
      }
      double v = t.objectiveValue(c.measure());
      boolean ok = switch (c.op()) {
        case "<=" -> v <= bound + 1e-12;
        case ">=" -> v >= bound - 1e-12;
        case "<" -> v < bound;
        default -> v > bound;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int measure(String word, List<ObjectiveName> objectives) {
    for (int i = 0; i < objectives.size(); i++) {
      if (objectives.get(i).column().equals(word)) {
        return i;
      }
    }
    throw new IllegalArgumentException("`" + word + "` is not an objective; the objectives are "
        + String.join(", ", objectives.stream().map(o -> "`" + o.column() + "`").toList()));
  }

  private static double number(String word) {
    try {
      return Double.parseDouble(word);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("`" + word + "` is not a number".toLowerCase(Locale.ROOT));
    }
  }
}
