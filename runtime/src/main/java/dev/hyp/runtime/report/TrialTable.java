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
 */
public final class TrialTable {
  private final List<FrozenTrial> trials;
  private final String metric;
  private final List<String> parameters;

  public TrialTable(List<FrozenTrial> trials, String metric) {
    this.trials = trials;
    this.metric = metric;
    this.parameters = ParameterNames.of(trials);
  }

  public String csv() {
    StringWriter out = new StringWriter();
    List<String> header = new ArrayList<>(List.of("number", "state", metric));
    header.addAll(parameters);
    header.addAll(List.of("epochs", "seconds", "reason"));
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
      csv.printRecord(header);
      for (FrozenTrial trial : trials) {
        List<Object> row = new ArrayList<>(List.of(trial.number(), state(trial), trial.value() == null ? "" : trial.value()));
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
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", trial.number());
      row.put("state", state(trial));
      row.put("value", trial.value());
      row.put("metric", metric);
      row.put("params", trial.params().asMap());
      row.put("epochs", trial.intermediate().size());
      row.put("seconds", seconds(trial));
      row.put("reason", trial.reason());
      row.put("intermediate", new ArrayList<>(trial.intermediate().values()));
      rows.add(row);
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String table() {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("trial", "state", metric));
    header.addAll(parameters);
    header.addAll(List.of("epochs", "time", "reason"));
    rows.add(header);
    for (FrozenTrial trial : trials) {
      List<String> row = new ArrayList<>(List.of(String.valueOf(trial.number()), state(trial),
          trial.value() == null ? "-" : String.format(Locale.ROOT, "%.4f", trial.value())));
      for (String name : parameters) {
        row.add(trial.params().has(name) ? TrialFormat.value(trial.params().get(name)) : "-");
      }
      row.add(String.valueOf(trial.intermediate().size()));
      row.add(seconds(trial) == null ? "-" : String.format(Locale.ROOT, "%.1fs", seconds(trial)));
      row.add(trial.reason() == null ? "" : trial.reason());
      rows.add(row);
    }
    return align(rows);
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

  private static String state(FrozenTrial trial) {
    return trial.state().name().toLowerCase(Locale.ROOT);
  }

  private static Double seconds(FrozenTrial trial) {
    return trial.finishedAt() == null ? null : Duration.between(trial.startedAt(), trial.finishedAt()).toMillis() / 1000.0;
  }
}
