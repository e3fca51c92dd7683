package dev.hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablePreparationTest {
  @TempDir
  Path dir;

  private Path write(String text) throws IOException {
    return write("t.csv", text);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** 40 rows: an id, a number with empty cells, a category with a rare level, a label with one missing. */
  private Path mixed() throws IOException {
    StringBuilder csv = new StringBuilder("id,age,city,plan,churn\n");
    String[] cities = {"Paris", "Lyon", "Paris", "Nice", "Paris", "Lyon"};
    for (int i = 1; i <= 40; i++) {
      String age = i % 7 == 0 ? "" : Integer.toString(20 + (i * 13) % 50);
      String city = i == 17 ? "Brest" : cities[i % cities.length];
      String plan = i % 9 == 0 ? "NA" : i % 2 == 0 ? "basic" : "pro";
      String churn = i == 5 ? "" : i % 4 == 0 ? "yes" : "no";
      csv.append(i).append(',').append(age).append(',').append(city).append(',').append(plan).append(',')
          .append(churn).append('\n');
    }
    return write(csv.toString());
  }

  @Test
  void kindsAreInferredFromTheCells() throws IOException {
    RawTable raw = TableReader.read(CsvSource.of(mixed(), "churn"), Task.CLASSIFICATION, DataPlan.DEFAULT);
    assertEquals(39, raw.size());
    assertEquals(1, raw.droppedNoLabel());
    Map<String, ColumnKind> kinds = new java.util.LinkedHashMap<>();
    raw.columns().forEach(c -> kinds.put(c.name(), ColumnProfile.of(c).kind()));
    assertEquals(Map.of("id", ColumnKind.ID_LIKE, "age", ColumnKind.NUMBER, "city", ColumnKind.CATEGORY,
        "plan", ColumnKind.CATEGORY), kinds);
    ColumnProfile plan = ColumnProfile.of(raw.column("plan"));
    assertEquals(4, plan.missing()); // rows 9, 18, 27, 36: `NA` is missing
    assertEquals(2, plan.distinct());
  }

  @Test
  void slotsAreTheMostFrequentLevelsAndTheRestShareOther() throws IOException {
    DataPlan plan = new DataPlan(null, List.of("id"), Missing.MEDIAN, true, 2, Map.of(), ClassWeights.NONE);
    RawTable raw = TableReader.read(CsvSource.of(mixed(), "churn"), Task.CLASSIFICATION, plan);
    int[] all = rows(raw.size());
    TableLayout layout = TableLayout.of(raw, plan, all);
    TableEncoding encoding = layout.fit(raw, all);
    assertEquals(List.of("age", "age_missing", "city=Paris", "city=Lyon", "city=other", "plan=basic", "plan=pro",
        "plan_missing"), encoding.featureNames());
    double[] out = new double[encoding.width()];
    encoding.encode(new String[] {"", "Brest", "basic"}, out);
    TableEncoding.NumberColumn age = (TableEncoding.NumberColumn) encoding.encoders().get(0);
    assertArrayEquals(new double[] {age.fill(), 1, 0, 0, 1, 1, 0, 0}, out);
    encoding.encode(new String[] {"30", "Tokyo", "NA"}, out); // unseen: the other slot; missing: the most frequent
    assertArrayEquals(new double[] {30, 0, 0, 0, 1, 1, 0, 1}, out);
    assertEquals(List.of("city"), encoding.unseen(new String[] {"30", "Tokyo", "NA"}));
    assertEquals(List.of("city"), encoding.unseen(new String[] {"30", "Brest", "pro"}), "a rare level has no slot");
    assertEquals(List.of(), encoding.unseen(new String[] {"30", "Lyon", "pro"}));
  }

  @Test
  void encodingCellsAndEncodingTheTableAsReadAgree() throws IOException {
    Path file = mixed();
    DataPlan plan = new DataPlan(null, List.of(), Missing.MEAN, true, 3, Map.of(), ClassWeights.NONE);
    RawTable raw = TableReader.read(CsvSource.of(file, "churn"), Task.CLASSIFICATION, plan);
    int[] train = new int[20];
    for (int i = 0; i < train.length; i++) {
      train[i] = i * 2;
    }
    TableEncoding encoding = TableLayout.of(raw, plan, rows(raw.size())).fit(raw, train);
    float[][] fast = encoding.encode(raw, rows(raw.size()));
    List<String> lines = Files.readAllLines(file);
    int kept = 0;
    for (int line = 1; line < lines.size(); line++) {
      String[] cells = lines.get(line).split(",", -1);
      if (cells[4].isEmpty()) {
        continue; // the row without a label is not in the table
      }
      double[] out = new double[encoding.width()];
      encoding.encode(java.util.Arrays.copyOf(cells, 4), out);
      for (int j = 0; j < out.length; j++) {
        assertEquals((float) out[j], fast[kept][j], "row " + (line + 1) + ", feature " + encoding.featureNames().get(j));
      }
      kept++;
    }
    assertEquals(raw.size(), kept);
  }

  @Test
  void aLevelTheTrainingPartNeverHadIsUnseenButKeepsItsSlot() throws IOException {
    RawTable raw = TableReader.read(CsvSource.of(mixed(), "churn"), Task.CLASSIFICATION, DataPlan.DEFAULT);
    TableLayout layout = TableLayout.of(raw, DataPlan.DEFAULT, rows(raw.size()));
    int brest = -1;
    for (int i = 0; i < raw.size(); i++) {
      brest = raw.rows()[i] == 18 ? i : brest; // id 17 is on file row 18
    }
    int[] train = new int[raw.size() - 1];
    for (int i = 0, n = 0; i < raw.size(); i++) {
      if (i != brest) {
        train[n++] = i;
      }
    }
    TableEncoding fold = layout.fit(raw, train);
    TableEncoding.CategoryColumn city = (TableEncoding.CategoryColumn) fold.encoders().get(2);
    assertEquals(List.of("Brest"), city.unseen());
    assertEquals(layout.width(), fold.width(), "every fold has the same features");
    assertEquals(-1, city.slotOf("Brest"), "no other slot: an unseen level sets none");
  }

  @Test
  void theEncodingSurvivesJson() throws IOException {
    RawTable raw = TableReader.read(CsvSource.of(mixed(), "churn"), Task.CLASSIFICATION, DataPlan.DEFAULT);
    TableEncoding encoding = TableLayout.of(raw, DataPlan.DEFAULT, rows(raw.size())).fit(raw, rows(raw.size()));
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString((RowEncoding) encoding);
    assertTrue(text.contains("\"kind\":\"table\""), text);
    RowEncoding back = json.readValue(text, RowEncoding.class);
    assertEquals(encoding, back);
  }

  @Test
  void columnChoiceAndDeclaredKinds() throws IOException {
    Path file = mixed();
    DataPlan features = new DataPlan(List.of("city", "age"), List.of(), Missing.MEAN, false, 20,
        Map.of("age", new DataPlan.ColumnPlan(ColumnKind.CATEGORY, null, null)), ClassWeights.NONE);
    RawTable raw = TableReader.read(CsvSource.of(file, "churn"), Task.CLASSIFICATION, features);
    assertEquals(List.of("city", "age"), raw.columnNames());
    TableEncoding encoding = TableLayout.of(raw, features, rows(raw.size())).fit(raw, rows(raw.size()));
    assertTrue(encoding.encoders().get(1) instanceof TableEncoding.CategoryColumn, "age declared a category");
    DataException unknown = assertThrows(DataException.class, () -> TableReader.read(CsvSource.of(file, "churn"),
        Task.CLASSIFICATION, new DataPlan(null, List.of("town"), Missing.MEAN, false, 20, Map.of(), ClassWeights.NONE)));
    assertEquals(file + ": row 1, column `town`: `drop` names no such column; the columns are "
        + "[id, age, city, plan, churn]", unknown.getMessage());
  }

  @Test
  void dataMistakesAreLocatedWithTheirFix() throws IOException {
    Path file = write("a,b,y\n1,,x\ntwo,,y\nthree,,x\n");
    DataPlan number = new DataPlan(null, List.of(), Missing.MEAN, false, 20,
        Map.of("a", new DataPlan.ColumnPlan(ColumnKind.NUMBER, null, null)), ClassWeights.NONE);
    RawTable raw = TableReader.read(CsvSource.of(file, "y"), Task.CLASSIFICATION, number);
    assertEquals(file + ": row 3, column `a`: `two` is not a number; the column is declared `kind = number`: fix "
        + "the cell, or declare it `kind = category`",
        assertThrows(DataException.class, () -> TableLayout.of(raw, number, rows(3))).getMessage());
    DataPlan plain = DataPlan.DEFAULT;
    RawTable empty = TableReader.read(CsvSource.of(file, "y"), Task.CLASSIFICATION, plain);
    assertEquals(file + ": column `b`: every cell is empty; leave the column out with `drop = [\"b\"]`",
        assertThrows(DataException.class, () -> TableLayout.of(empty, plain, rows(3))).getMessage());
    Path oneClass = write("one.csv", "a,y\n1,x\n2,\n3,x\n");
    assertEquals(oneClass + ": column `y`: the label has a single class `x` once the row without a label is left "
        + "out; classification needs at least two", assertThrows(DataException.class,
            () -> TableReader.read(CsvSource.of(oneClass, "y"), Task.CLASSIFICATION, plain)).getMessage());
    DataPlan meanOfCategory = new DataPlan(null, List.of("b"), Missing.MEAN, false, 20,
        Map.of("a", new DataPlan.ColumnPlan(null, Missing.MEDIAN, null)), ClassWeights.NONE);
    RawTable text = TableReader.read(CsvSource.of(file, "y"), Task.CLASSIFICATION, meanOfCategory);
    assertEquals(file + ": column `a`: `missing = median` needs numbers, but the column holds categories; use "
        + "`most_frequent`, `zero` or `drop`",
        assertThrows(DataException.class, () -> TableLayout.of(text, meanOfCategory, rows(3))).getMessage());
  }

  @Test
  void aTextCellInAColumnOfNumbersIsATypoNotACategory() throws IOException {
    Path file = write("typo.csv", "a,y\n1,x\n2,y\noops,x\n4,y\n");
    RawTable raw = TableReader.read(CsvSource.of(file, "y"), Task.CLASSIFICATION, DataPlan.DEFAULT);
    assertEquals(file + ": row 4, column `a`: `oops` is not a number, but most of the column's cells are; fix the "
        + "cell, or declare `column(\"a\", kind = category)`",
        assertThrows(DataException.class, () -> TableLayout.of(raw, DataPlan.DEFAULT, rows(4))).getMessage());
    DataPlan category = new DataPlan(null, List.of(), Missing.MEAN, false, 20,
        Map.of("a", new DataPlan.ColumnPlan(ColumnKind.CATEGORY, null, null)), ClassWeights.NONE);
    RawTable declared = TableReader.read(CsvSource.of(file, "y"), Task.CLASSIFICATION, category);
    assertEquals(4, TableLayout.of(declared, category, rows(4)).width(), "declared a category: four levels");
  }

  @Test
  void dropLeavesOutRowsAndPredictionRefusesThem() throws IOException {
    Path file = write("a,b,y\n1,p,x\n,q,y\n3,p,y\n4,,y\n");
    DataPlan plan = new DataPlan(null, List.of(), Missing.DROP, false, 20, Map.of(), ClassWeights.NONE);
    RawTable raw = TableReader.read(CsvSource.of(file, "y"), Task.CLASSIFICATION, plan);
    assertEquals(2, raw.size());
    assertEquals(2, raw.droppedMissing());
    TableEncoding encoding = TableLayout.of(raw, plan, rows(2)).fit(raw, rows(2));
    CellException e = assertThrows(CellException.class, () -> encoding.encode(new String[] {"", "p"}, new double[2]));
    assertEquals("a", e.column());
    assertFalse(e.problem().isEmpty());
  }

  @Test
  void balancedClassWeightsAreFittedOnTheTrainingPart() {
    double[] weights = ClassWeights.BALANCED.fit(2, new int[] {0, 0, 0, 1}, Path.of("t.csv"), List.of("no", "yes"));
    assertArrayEquals(new double[] {4.0 / 6, 2.0}, weights, 1e-12);
    assertEquals(null, ClassWeights.NONE.fit(2, new int[] {0, 1}, Path.of("t.csv"), List.of("no", "yes")));
    DataException wrong = assertThrows(DataException.class,
        () -> ClassWeights.of(List.of(1.0)).fit(2, new int[] {0, 1}, Path.of("t.csv"), List.of("no", "yes")));
    assertEquals("t.csv: `class_weights` gives 1 weights, but the label has 2 classes [no, yes]; give one weight per "
        + "class, in that order", wrong.getMessage());
  }

  private static int[] rows(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }
}
