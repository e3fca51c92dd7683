package dev.hyp.runtime.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.runtime.report.ParameterNames;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every trial of a study as a table for people, CSV for spreadsheets and pandas (one column
 * per parameter, empty where a parameter did not exist), or JSON with the learning curves.
 * Trials of several versions of a spec get a {@code version} column; when any trial was carried
 * from an earlier version, a {@code from} column (JSON: {@code carried_from}) says where from.
 */
public final class TrialTable {
  private final List<Row> rows;
  private final String metric;
  private final List<String> parameters; // mutable only while withColumns builds a copy
  private final boolean versions;
  private final boolean carried;
  private List<String> trailing = List.of("epochs", "time", "reason");
  // several objectives: a column for each after the first (whose column is the metric's), else empty
  private List<String> objectiveColumns = List.of();

  /** A trial and the version of the spec it belongs to (null: the table is of one version). */
  public record Row(Integer version, FrozenTrial trial) {}

  /** The trials of one version. */
  public TrialTable(List<FrozenTrial> trials, String metric) {
    this(trials.stream().map(trial -> new Row(null, trial)).toList(), metric, false);
  }

  private TrialTable(List<Row> rows, String metric, boolean versions) {
    this.rows = List.copyOf(rows);
    List<FrozenTrial> trials = rows.stream().map(Row::trial).toList();
    this.metric = metric;
    this.parameters = ParameterNames.of(trials);
    this.versions = versions;
    this.carried = trials.stream().anyMatch(FrozenTrial::isCarried);
  }

  /** The trials of several versions, each row with its version. */
  public static TrialTable ofVersions(List<Row> rows, String metric) {
    return new TrialTable(rows, metric, true);
  }

  /** Rows of one version or several (with a version column), in the order given. */
  public static TrialTable of(List<Row> rows, String metric, boolean versions) {
    return new TrialTable(rows, metric, versions);
  }

  /** The columns a table may show after trial, state and value: the parameters, then epochs, time and reason. */
  public List<String> optionalColumns() {
    List<String> names = new ArrayList<>(parameters);
    names.addAll(List.of("epochs", "time", "reason"));
    return names;
  }

  /**
   * The table with only these of its {@link #optionalColumns} after trial, state and value, in
   * their own order (a name it does not have is the caller's to reject).
   */
  public TrialTable withColumns(List<String> names) {
    TrialTable table = new TrialTable(rows, metric, versions);
    table.parameters.retainAll(names);
    table.trailing = trailing.stream().filter(names::contains).toList();
    table.objectiveColumns = objectiveColumns; // an objective's column is not optional, as the metric's is not
    return table;
  }

  /**
   * {@link #table()} within {@code width} characters: the reason column, then parameter columns
   * from the right, are left out until it fits, and the last lines name them (trial, state, value,
   * epochs and time always stay).
   */
  public String table(int width) {
    TrialTable fitted = this;
    List<String> left = new ArrayList<>();
    while (widest(fitted.table()) > width && (fitted.trailing.contains("reason") || !fitted.parameters.isEmpty())) {
      List<String> parameters = new ArrayList<>(fitted.parameters);
      List<String> trailing = new ArrayList<>(fitted.trailing);
      left.add(trailing.remove("reason") ? "reason" : parameters.remove(parameters.size() - 1));
      fitted = fitted.withColumns(concat(parameters, trailing));
    }
    if (left.isEmpty()) {
      return fitted.table();
    }
    StringBuilder note = new StringBuilder();
    String line = "(left out to fit " + width + " columns, --columns picks them:";
    for (String name : left) {
      if (line.length() + name.length() + 2 > width) {
        note.append(line).append('\n');
        line = "";
      }
      line += " " + name + ",";
    }
    note.append(line, 0, line.length() - 1).append(")\n");
    return fitted.table() + note;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static int widest(String text) {
    return text.lines().mapToInt(String::length).max().orElse(0);
  }

  /** With several objectives: a column per objective after the first, named by {@code objectives}. */
  public TrialTable withObjectives(List<dev.hyp.runtime.trial.ObjectiveName> objectives) {
    objectiveColumns = objectives.stream().skip(1).map(dev.hyp.runtime.trial.ObjectiveName::column).toList();
    return this;
  }

  private List<Double> otherObjectives(FrozenTrial trial) {
    List<Double> values = new ArrayList<>();
    for (int i = 1; i <= objectiveColumns.size(); i++) {
      double v = trial.objectiveValue(i);
      values.add(Double.isNaN(v) ? null : v);
    }
    return values;
  }

  public String csv() {
    StringWriter out = new StringWriter();
    List<String> header = new ArrayList<>(leading("number", "from"));
    header.addAll(List.of("state", metric));
    header.addAll(objectiveColumns);
    header.addAll(parameters);
    header.addAll(List.of("epochs", "seconds", "reason"));
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
      csv.printRecord(header);
      for (Row entry : rows) {
        FrozenTrial trial = entry.trial();
        List<Object> row = new ArrayList<>(leadingCells(entry, ""));
        row.addAll(List.of(state(trial), trial.value() == null ? "" : trial.value()));
        otherObjectives(trial).forEach(v -> row.add(v == null ? "" : v));
        for (String name : parameters) {
          row.add(trial.params().has(name) ? trial.params().get(name) : "");
        }
        row.add(trial.intermediate().size());
        row.add(seconds(trial) == null ? "" : seconds(trial));
        row.add(trial.reason() == null ? "" : trial.reason());
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public String json() {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Row entry : rows) {
      FrozenTrial trial = entry.trial();
      Map<String, Object> row = new LinkedHashMap<>();
      if (versions) {
        row.put("version", entry.version());
      }
      row.put("number", trial.number());
      if (carried) {
        row.put("carried_from", trial.carriedFrom());
      }
      row.put("state", state(trial));
      row.put("value", trial.value());
      row.put("metric", metric);
      row.put("validation_loss", trial.validationLoss()); // what breaks a tie on `value` (BestTrialOrder)
      if (!objectiveColumns.isEmpty()) { // beside `value`, the first: the others by name
        Map<String, Object> others = new LinkedHashMap<>();
        for (int i = 0; i < objectiveColumns.size(); i++) {
          others.put(objectiveColumns.get(i), otherObjectives(trial).get(i));
        }
        row.put("objectives", others);
      }
      if (trial.violation() != null) {
        row.put("feasible", trial.isFeasible());
      }
      row.put("params", trial.params().asMap());
      row.put("epochs", trial.intermediate().size());
      row.put("seconds", seconds(trial));
      row.put("reason", trial.reason());
      row.put("intermediate", new ArrayList<>(trial.intermediate().values()));
      objects.add(row);
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(objects) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String table() {
    List<List<String>> lines = new ArrayList<>();
    List<String> header = new ArrayList<>(leading("trial", "from"));
    header.addAll(List.of("state", metric));
    header.addAll(objectiveColumns);
    header.addAll(parameters);
    header.addAll(trailing);
    lines.add(header);
    for (Row entry : rows) {
      FrozenTrial trial = entry.trial();
      List<String> row = new ArrayList<>(leadingCells(entry, "-").stream().map(String::valueOf).toList());
      row.add(state(trial));
      row.add(trial.value() == null ? "-" : String.format(Locale.ROOT, "%.4f", trial.value()));
      otherObjectives(trial).forEach(v -> row.add(v == null ? "-" : TrialFormat.value(v)));
      for (String name : parameters) {
        row.add(trial.params().has(name) ? TrialFormat.value(trial.params().get(name)) : "-");
      }
      if (trailing.contains("epochs")) {
        row.add(String.valueOf(trial.intermediate().size()));
      }
      if (trailing.contains("time")) {
        row.add(seconds(trial) == null ? "-" : String.format(Locale.ROOT, "%.1fs", seconds(trial)));
      }
      if (trailing.contains("reason")) {
        row.add(trial.reason() == null ? "" : trial.reason());
      }
      lines.add(row);
    }
    return align(lines);
  }

  /** The columns before the state: the version when there are several, the number, where it came from. */
  private List<String> leading(String number, String from) {
    List<String> columns = new ArrayList<>();
    if (versions) {
      columns.add("version");
    }
    columns.add(number);
    if (carried) {
      columns.add(from);
    }
    return columns;
  }

  private List<Object> leadingCells(Row entry, String notCarried) {
    List<Object> cells = new ArrayList<>();
    if (versions) {
      cells.add(entry.version());
    }
    cells.add(entry.trial().number());
    if (carried) {
      cells.add(entry.trial().isCarried() ? entry.trial().carriedFrom() : notCarried);
    }
    return cells;
  }

  private static String align(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(c == 0 ? "" : "  ").append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length()));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The states a table shows: the trial states, and `infeasible`. */
  public static final List<String> STATES = List.of("complete", "pruned", "failed", "running", "infeasible");

  /** The state, or `infeasible` for a finished trial that misses a constraint: what the state column shows. */
  public static String state(FrozenTrial trial) {
    if (!trial.isFeasible()) {
      return "infeasible";
    }
    return trial.state().name().toLowerCase(Locale.ROOT);
  }

  private static Double seconds(FrozenTrial trial) {
    return trial.finishedAt() == null ? null : Duration.between(trial.startedAt(), trial.finishedAt()).toMillis() / 1000.0;
  }
}
