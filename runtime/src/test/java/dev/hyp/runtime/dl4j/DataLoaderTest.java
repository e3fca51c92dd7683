package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.CsvLoader;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Splitter;
import dev.hyp.runtime.data.Table;
import dev.hyp.runtime.data.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

@ExtendWith(Nd4jPatchesExtension.class)
class DataLoaderTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsIrisWithCrlfAndSortsClasses() {
    Path iris = TestData.resource("iris.csv");
    Table table = CsvLoader.load(CsvSource.of(iris, "species"), Task.CLASSIFICATION);
    assertEquals(150, table.size());
    assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), table.featureNames());
    assertEquals(List.of("setosa", "versicolor", "virginica"), table.classes());
    assertEquals(5.1f, table.features()[0][0]);
    assertEquals(0.2f, table.features()[0][3]); // the last feature before "\r\n" parses
    assertEquals(2, table.rows()[0]); // the header is row 1
  }

  @Test
  void classesSortNumericallyWhenNumbersAndAsStringsOtherwise() throws IOException {
    Path numbers = write("n.csv", "x,y\n1,10\n2,9\n3,10\n4,2\n");
    assertEquals(List.of("2", "9", "10"), CsvLoader.load(CsvSource.of(numbers, "y"), Task.CLASSIFICATION).classes());
    Path names = write("s.csv", "x,y\n1,b\n2,B\n3,a\n");
    Table t = CsvLoader.load(CsvSource.of(names, "y"), Task.CLASSIFICATION);
    assertEquals(List.of("B", "a", "b"), t.classes());
    assertArrayEquals(new double[] {2, 0, 1}, t.labels());
  }

  @Test
  void withoutHeaderColumnsAreNumberedAndLabelMayBeInTheMiddle() throws IOException {
    Path file = write("h.csv", "1;a;3\n4;b;6\n");
    Table t = CsvLoader.load(new CsvSource(file, "2", false, ";"), Task.CLASSIFICATION);
    assertEquals(List.of("1", "3"), t.featureNames());
    assertArrayEquals(new float[] {4, 6}, t.features()[1]);
    assertEquals(2, t.rows()[1]); // without a header the first data row is row 1
  }

  @Test
  void regressionLabelsAreNumbers() {
    Table t = CsvLoader.load(CsvSource.of(TestData.resource("friedman1.csv"), "y"), Task.REGRESSION);
    assertEquals(500, t.size());
    assertEquals(10, t.featureCount());
    assertEquals(null, t.classes());
  }

  @Test
  void holdoutIsStratifiedSeededAndDisjoint() {
    Table t = CsvLoader.load(CsvSource.of(TestData.resource("breast_cancer.csv"), "diagnosis"), Task.CLASSIFICATION);
    Splitter.Parts p = Splitter.holdout(t, new Split.Holdout(0.2, 0.2), 7);
    assertEquals(569, p.train().length + p.validation().length + p.test().length);
    assertEquals(114, p.validation().length);
    assertEquals(114, p.test().length);
    Set<Integer> seen = new HashSet<>();
    for (int[] part : List.of(p.train(), p.validation(), p.test())) {
      for (int row : part) {
        assertTrue(seen.add(row), "row " + row + " in two parts");
      }
    }
    double overall = fraction(t, allRows(t.size()));
    for (int[] part : List.of(p.train(), p.validation(), p.test())) {
      assertEquals(overall, fraction(t, part), 0.01); // 212/569 malignant in every part
    }
    Splitter.Parts again = Splitter.holdout(t, new Split.Holdout(0.2, 0.2), 7);
    assertArrayEquals(p.validation(), again.validation());
    Splitter.Parts other = Splitter.holdout(t, new Split.Holdout(0.2, 0.2), 8);
    assertTrue(!java.util.Arrays.equals(p.validation(), other.validation()));
  }

  private static int[] allRows(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /** The fraction of {@code rows} in class 1. */
  private static double fraction(Table t, int[] rows) {
    int ones = 0;
    for (int row : rows) {
      ones += t.classOf(row);
    }
    return (double) ones / rows.length;
  }

  @Test
  void kfoldCoversEveryRowOnceAndIsStratified() {
    Table t = CsvLoader.load(CsvSource.of(TestData.resource("iris.csv"), "species"), Task.CLASSIFICATION);
    List<Splitter.Parts> folds = Splitter.kfold(t, new Split.KFold(5), 1);
    int[] count = new int[t.size()];
    for (Splitter.Parts f : folds) {
      assertEquals(30, f.validation().length);
      assertEquals(120, f.train().length);
      int[] perClass = new int[3];
      for (int row : f.validation()) {
        count[row]++;
        perClass[t.classOf(row)]++;
      }
      assertArrayEquals(new int[] {10, 10, 10}, perClass);
    }
    for (int c : count) {
      assertEquals(1, c);
    }
  }

  @Test
  void normalizationIsFittedOnTheTrainingPartOnly() {
    ExperimentData data = TestData.iris();
    Fold fold = data.folds(Normalization.STANDARD, "mcxent").get(0);
    INDArray train = fold.train().getFeatures();
    INDArray validation = fold.validation().getFeatures();
    for (int c = 0; c < 4; c++) {
      assertEquals(0.0, train.getColumn(c).meanNumber().doubleValue(), 1e-4);
      assertEquals(1.0, train.getColumn(c).stdNumber().doubleValue(), 0.02);
    }
    // the validation part is scaled with the training part's statistics, so its mean is not exactly 0
    float[] raw = data.table().features()[data.parts().get(0).validation()[0]];
    double mean = 0;
    double sq = 0;
    int[] trainRows = data.parts().get(0).train();
    for (int row : trainRows) {
      mean += data.table().features()[row][0];
    }
    mean /= trainRows.length;
    for (int row : trainRows) {
      double d = data.table().features()[row][0] - mean;
      sq += d * d;
    }
    double std = Math.sqrt(sq / trainRows.length);
    assertEquals((raw[0] - mean) / std, validation.getDouble(0, 0), 1e-3);

    Fold minmax = data.folds(Normalization.MINMAX, "mcxent").get(0);
    assertEquals(0.0, minmax.train().getFeatures().minNumber().doubleValue(), 1e-6);
    assertEquals(1.0, minmax.train().getFeatures().maxNumber().doubleValue(), 1e-6);
    assertTrue(data.folds(Normalization.MINMAX, "mcxent") == data.folds(Normalization.MINMAX, "mcxent"),
        "prepared once and shared");
  }

  @Test
  void imageShapeReordersChannelsAndChecksTheColumnCount() throws IOException {
    // a 1x2 image with 2 channels, pixels as (h, w, c): p(0,0)=[1,2], p(0,1)=[3,4]
    INDArray x = ExperimentData.features(new double[][] {{1, 2, 3, 4}}, InputShape.image(1, 2, 2));
    assertArrayEquals(new float[] {1, 3, 2, 4}, x.toFloatVector()); // channel 0 first
    Path file = write("img.csv", "a,b,c,label\n1,2,3,x\n4,5,6,y\n");
    DataException e = assertThrows(DataException.class, () -> ExperimentData.load(CsvSource.of(file, "label"), null,
        Task.CLASSIFICATION, new Split.Holdout(0.5, 0), new int[] {2, 2, 1}, 0));
    assertEquals(file + ": row 1: shape image(2, 2, 1) needs 4 feature columns, but the file has 3", e.getMessage());
    ExperimentData shapes = ExperimentData.load(CsvSource.of(TestData.resource("shapes8x8.csv"), "shape"), null,
        Task.CLASSIFICATION, new Split.Holdout(0.2, 0.2), new int[] {8, 8, 1}, 3);
    assertEquals(InputShape.image(8, 8, 1), shapes.inputShape());
    assertEquals(List.of("circle", "cross", "square", "triangle"), shapes.classes());
  }

  @Test
  void separateTestFileIsScaledWithTheTrainingStatistics() throws IOException {
    Path train = write("train.csv", "a,y\n0,x\n2,y\n4,x\n6,y\n8,x\n10,y\n12,x\n14,y\n16,x\n18,y\n");
    Path test = write("test.csv", "a,y\n100,y\n");
    ExperimentData data = ExperimentData.load(CsvSource.of(train, "y"), CsvSource.of(test, "y"), Task.CLASSIFICATION,
        new Split.Holdout(0.2, 0), null, 1);
    assertTrue(data.hasTest());
    Fold fold = data.folds(Normalization.MINMAX, "mcxent").get(0);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int row : data.parts().get(0).train()) {
      min = Math.min(min, data.table().features()[row][0]);
      max = Math.max(max, data.table().features()[row][0]);
    }
    assertEquals((100 - min) / (max - min), fold.test().getFeatures().getDouble(0, 0), 1e-4);
    assertArrayEquals(new double[] {1}, fold.testTruth());
  }

  // ---- bad data: one exception type, a message naming the file, the row and the column ----

  private DataException bad(String csv, String label, Task task) throws IOException {
    Path file = write("bad.csv", csv);
    return assertThrows(DataException.class, () -> CsvLoader.load(CsvSource.of(file, label), task));
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("nope.csv");
    DataException e = assertThrows(DataException.class,
        () -> CsvLoader.load(CsvSource.of(file, "y"), Task.CLASSIFICATION));
    assertEquals(file + ": no such file", e.getMessage());
  }

  @Test
  void missingLabelColumn() throws IOException {
    DataException e = bad("a,b\r\n1,2\r\n", "species", Task.CLASSIFICATION);
    assertEquals(dir.resolve("bad.csv") + ": row 1, column `species`: no such column; the columns are [a, b]",
        e.getMessage());
  }

  @Test
  void nonNumericCell() throws IOException {
    DataException e = bad("a,b,y\r\n1,2,x\r\n3,oops,y\r\n", "y", Task.CLASSIFICATION);
    assertEquals(dir.resolve("bad.csv") + ": row 3, column `b`: `oops` is not a number", e.getMessage());
    assertEquals(3, e.row());
    assertEquals("b", e.column());
  }

  @Test
  void emptyCellAndNonFiniteNumber() throws IOException {
    assertEquals(dir.resolve("bad.csv") + ": row 2, column `a`: the cell is empty; a number is needed",
        bad("a,y\n,x\n", "y", Task.CLASSIFICATION).getMessage());
    assertEquals(dir.resolve("bad.csv") + ": row 3, column `a`: `NaN` is not a finite number",
        bad("a,y\n1,x\nNaN,y\n", "y", Task.CLASSIFICATION).getMessage());
  }

  @Test
  void aNumberBeyondFloatRangeIsBadDataNotAFailedTrialLater() throws IOException {
    assertEquals(dir.resolve("bad.csv") + ": row 3, column `a`: `1e39` is beyond the range of 32-bit floats "
        + "(about ±3.4e38) that training uses", bad("a,y\n1,x\n1e39,y\n", "y", Task.CLASSIFICATION).getMessage());
    assertEquals(dir.resolve("bad.csv") + ": row 2, column `y`: `-4e38` is beyond the range of 32-bit floats "
        + "(about ±3.4e38) that training uses", bad("a,y\n1,-4e38\n", "y", Task.REGRESSION).getMessage());
  }

  @Test
  void aByteThatIsNotUtf8IsNamedWithItsLine() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "a,city\n1,Paris\n2,Montr\u00e9al\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    DataException e = assertThrows(DataException.class,
        () -> CsvLoader.load(CsvSource.of(file, "city"), Task.CLASSIFICATION));
    assertEquals(file + ": row 3: byte 0xE9 at offset 22 is not UTF-8 text; save the file as UTF-8", e.getMessage());
  }

  @Test
  void nonNumericRegressionLabel() throws IOException {
    assertEquals(dir.resolve("bad.csv") + ": row 3, column `y`: `big` is not a number",
        bad("a,y\n1,2\n3,big\n", "y", Task.REGRESSION).getMessage());
  }

  @Test
  void raggedRow() throws IOException {
    assertEquals(dir.resolve("bad.csv") + ": row 4: has 2 cells, but the header has 3",
        bad("a,b,y\n1,2,x\n1,2,y\n1,x\n", "y", Task.CLASSIFICATION).getMessage());
  }

  @Test
  void emptyFileAndHeaderOnly() throws IOException {
    assertEquals(dir.resolve("bad.csv") + ": the file is empty", bad("", "y", Task.CLASSIFICATION).getMessage());
    assertEquals(dir.resolve("bad.csv") + ": the file has a header but no data rows",
        bad("a,y\r\n", "y", Task.CLASSIFICATION).getMessage());
  }

  @Test
  void singleClass() throws IOException {
    assertEquals(dir.resolve("bad.csv") + ": column `y`: the label has a single class `x`; classification needs at "
        + "least two", bad("a,y\n1,x\n2,x\n", "y", Task.CLASSIFICATION).getMessage());
  }

  @Test
  void testFileWithAnUnknownClass() throws IOException {
    Path train = write("train.csv", "a,y\n1,x\n2,z\n");
    Path test = write("test.csv", "a,y\n1,x\n2,w\n");
    Table t = CsvLoader.load(CsvSource.of(train, "y"), Task.CLASSIFICATION);
    DataException e = assertThrows(DataException.class, () -> CsvLoader.loadTest(CsvSource.of(test, "y"), t));
    assertEquals(test + ": row 3, column `y`: class `w` does not occur in the training data [x, z]", e.getMessage());
  }
}
