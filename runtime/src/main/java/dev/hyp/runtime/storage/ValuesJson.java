package dev.hyp.runtime.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * A trial's objective values as a JSON array of numbers, NaN (a measure not taken) written as
 * {@code null}: SQLite and JSON have no NaN. Null for a single-objective trial (no values).
 */
final class ValuesJson {
  private ValuesJson() {}

  static String write(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      out.append(i == 0 ? "" : ",").append(v == null || v.isNaN() || v.isInfinite() ? "null" : Double.toString(v));
    }
    return out.append(']').toString();
  }

  static List<Double> read(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    String inner = json.strip();
    inner = inner.substring(1, inner.length() - 1).strip();
    List<Double> values = new ArrayList<>();
    if (inner.isEmpty()) {
      return values;
    }
    for (String part : inner.split(",")) {
      String p = part.strip();
      values.add(p.equals("null") ? Double.NaN : Double.parseDouble(p));
    }
    return values;
  }

  /** The value a trial keeps as its `value`: the first objective's, null when it was not measured. */
  static Double firstValue(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    Double first = values.get(0);
    return first == null || first.isNaN() ? null : first;
  }
}
