package dev.hyp.cli;

import dev.hyp.runtime.report.TrialTable;
import dev.hyp.runtime.trial.BestTrialOrder;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Which trials `hyp trials` shows and in what order: `--state` keeps some states, `--sort` orders
 * by a column (`value` best first; `-KEY` reverses), `--top N` keeps the first N (best first
 * unless `--sort` says otherwise). A name it does not know is said in one line.
 */
final class TrialSelection {
  private final Set<String> states; // as the state column shows them (TrialTable.state)
  private final String sort;
  private final Integer top;
  private final boolean maximize;

  private TrialSelection(Set<String> states, String sort, Integer top, boolean maximize) {
    this.states = states;
    this.sort = sort;
    this.top = top;
    this.maximize = maximize;
  }

  /** The selection, or null after saying in one line what is wrong with an option. */
  static TrialSelection of(String state, String sort, Integer top, boolean maximize, List<String> parameters,
      PrintWriter err) {
    Set<String> states = new HashSet<>(TrialTable.STATES);
    if (state != null) {
      states.clear();
      for (String name : state.split(",")) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        if (!TrialTable.STATES.contains(wanted)) {
          err.println("hyp: --state takes " + String.join(", ", TrialTable.STATES.subList(0, TrialTable.STATES.size() - 1))
              + " or " + TrialTable.STATES.get(TrialTable.STATES.size() - 1) + " (several with commas), not `"
              + name.trim() + "`");
          return null;
        }
        states.add(wanted);
      }
    }
    if (top != null && top < 1) {
      err.println("hyp: --top takes a number of trials from 1, not " + top);
      return null;
    }
    if (sort != null) {
      String key = sort.startsWith("-") ? sort.substring(1) : sort;
      if (!List.of("number", "trial", "value", "state", "epochs", "seconds", "time").contains(key)
          && !parameters.contains(key)) {
        err.println("hyp: --sort takes number, value, state, epochs, seconds or a parameter (" + String.join(", ",
            parameters) + "), not `" + key + "`");
        return null;
      }
    }
    return new TrialSelection(states, sort != null ? sort : top != null ? "value" : null, top, maximize);
  }

  List<TrialTable.Row> apply(List<TrialTable.Row> rows) {
    List<TrialTable.Row> kept = new ArrayList<>(rows.stream().filter(r -> states.contains(TrialTable.state(r.trial()))).toList());
    if (sort != null) {
      boolean reversed = sort.startsWith("-");
      String key = reversed ? sort.substring(1) : sort;
      Comparator<TrialTable.Row> order = comparator(key);
      kept.sort(reversed ? order.reversed() : order);
    }
    return top == null || kept.size() <= top ? kept : kept.subList(0, top);
  }

  /** Ascending, except value: best first. A trial without the key goes last either way. */
  private Comparator<TrialTable.Row> comparator(String key) {
    if (key.equals("value")) { // as the study ranks them: a tie goes to the lower validation loss, then the earlier trial
      return Comparator.comparing(TrialTable.Row::trial, new BestTrialOrder(maximize ? Direction.MAXIMIZE
          : Direction.MINIMIZE));
    }
    Function<FrozenTrial, Comparable<?>> get = switch (key) {
      case "number", "trial" -> FrozenTrial::number;
      case "state" -> TrialTable::state;
      case "epochs" -> t -> t.intermediate().size();
      case "seconds", "time" -> t -> t.finishedAt() == null ? null
          : Duration.between(t.startedAt(), t.finishedAt()).toMillis();
      default -> t -> t.params().has(key) ? comparable(t.params().get(key)) : null;
    };
    Comparator<Comparable<?>> values = Comparator.nullsLast(TrialSelection::compare);
    return Comparator.<TrialTable.Row, Comparable<?>>comparing(r -> get.apply(r.trial()), values)
        .thenComparing(r -> r.trial().number());
  }

  private static Comparable<?> comparable(Object value) {
    return value instanceof Number n ? (Comparable<?>) n.doubleValue() : String.valueOf(value);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Comparable a, Comparable b) {
    if (a.getClass() != b.getClass()) {
      return a.getClass().getName().compareTo(b.getClass().getName()); // numbers and words apart
    }
    return a.compareTo(b);
  }
}
