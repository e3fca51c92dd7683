package dev.hyp.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV export reads as pandas' read_csv would: one header row, one column per parameter, empty when absent. */
class TrialTableCsvTest {
  private static FrozenTrial trial(int number, TrialState state, Double value, Map<String, Object> params, String reason) {
    TreeMap<Integer, Double> curve = new TreeMap<>();
    curve.put(1, 0.5);
    return new FrozenTrial(number, state, ParamValues.of(params), value, reason, curve, "test", Instant.EPOCH,
        Instant.EPOCH.plusMillis(2500));
  }

  @Test
  void oneColumnPerParameterAndEmptyCellsWhereAParameterDidNotExist() throws Exception {
    Map<String, Object> adam = new LinkedHashMap<>();
    adam.put("lr", 0.01);
    adam.put("units[1]", 16L);
    adam.put("opt", "adam");
    Map<String, Object> nesterovs = new LinkedHashMap<>();
    nesterovs.put("lr", 0.001);
    nesterovs.put("units[1]", 32L);
    nesterovs.put("opt", "nesterovs");
    nesterovs.put("momentum", 0.9);
    nesterovs.put("units[2]", 64L);
    List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, 0.93, adam, null),
        trial(1, TrialState.FAILED, null, nesterovs, "loss is NaN, \"diverged\""));
    String csv = new TrialTable(trials, "accuracy").csv();

    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv))) {
      assertEquals(List.of("number", "state", "accuracy", "lr", "units[1]", "units[2]", "opt", "momentum", "epochs",
          "seconds", "reason"), parser.getHeaderNames());
      List<CSVRecord> rows = parser.getRecords();
      assertEquals(2, rows.size());
      CSVRecord first = rows.get(0);
      assertEquals(List.of("0", "complete", "0.93", "0.01", "16", "", "adam", "", "1", "2.5", ""), first.toList());
      CSVRecord second = rows.get(1);
      assertEquals("", second.get("accuracy"), "no value: an empty cell, NaN to pandas");
      assertEquals("64", second.get("units[2]"));
      assertEquals("0.9", second.get("momentum"));
      assertEquals("loss is NaN, \"diverged\"", second.get("reason"));
      for (CSVRecord row : rows) {
        assertEquals(parser.getHeaderNames().size(), row.size(), "every row as wide as the header");
      }
    }
  }
}
