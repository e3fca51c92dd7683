package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.ClassWeights;
import dev.hyp.runtime.data.ColumnMoments;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Missing;
import dev.hyp.runtime.data.Parallel;
import dev.hyp.runtime.data.RawTable;
import dev.hyp.runtime.data.TableEncoding;
import dev.hyp.runtime.data.TableLayout;
import dev.hyp.runtime.data.TableReader;
import dev.hyp.runtime.data.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * The fold standardised while it is encoded against ND4J's {@code NormalizerStandardize} fitted on
 * the encoded fold and applied to it: the same shapes, statistics within a few float ulps (ND4J
 * sums in floats, in its own order; the new sums are doubles), the features within 1e-5, and the
 * normalizer it returns standardises raw rows to exactly the floats it wrote (what a saved model does).
 */
class StandardizedFeaturesTest {
  @TempDir
  Path dir;

  @Test
  void matchesNd4jStandardisation() throws IOException {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("x,city,amount,constant,shop,label\n");
    int n = 3 * TableEncoding.BLOCK_ROWS + 321;
    for (int i = 0; i < n; i++) {
      csv.append(random.nextInt(9) == 0 ? "" : String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 3 + 1))
          .append(',').append(random.nextInt(15) == 0 ? "" : "c" + random.nextInt(40))
          .append(',').append(String.format(Locale.ROOT, "%.2f", 1_000_000 + random.nextGaussian()))
          .append(",7,s").append(random.nextInt(300))
          .append(',').append(random.nextBoolean() ? "a" : "b").append('\n');
    }
    Path file = dir.resolve("t.csv");
    Files.writeString(file, csv);
    DataPlan plan = new DataPlan(null, List.of(), Missing.MEDIAN, true, 20, Map.of(), ClassWeights.NONE);
    RawTable raw = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, plan);
    int[] train = new int[n - 2000];
    int[] other = new int[2000];
    for (int i = 0; i < n; i++) {
      int row = (int) ((i * 7919L) % n); // any order, as a fold's parts are
      if (i < train.length) {
        train[i] = row;
      } else {
        other[i - train.length] = row;
      }
    }
    for (CategoryEncoding encoding : CategoryEncoding.values()) {
      TableEncoding fitted = TableLayout.of(raw, plan, train, encoding).fit(raw, train);
      NormalizerStandardize nd4j = new NormalizerStandardize();
      DataSet oldTrain = new DataSet(ExperimentData.encoded(fitted, raw, train), null);
      DataSet oldOther = new DataSet(ExperimentData.encoded(fitted, raw, other), null);
      nd4j.fit(oldTrain);
      for (TableEncoding.Embedded embedded : fitted.embeddings()) {
        nd4j.getMean().putScalar(embedded.feature(), 0.0);
        nd4j.getStd().putScalar(embedded.feature(), 1.0);
      }
      nd4j.transform(oldTrain);
      nd4j.transform(oldOther);

      StandardizedFeatures standard = new StandardizedFeatures(fitted);
      INDArray newTrain = standard.fit(raw, train);
      INDArray newOther = standard.transform(raw, other);
      NormalizerStandardize normalizer = standard.normalizer();
      String what = encoding.toString();
      assertArrayEquals(nd4j.getMean().shape(), normalizer.getMean().shape(), what);
      assertArrayEquals(nd4j.getStd().shape(), normalizer.getStd().shape(), what);
      assertEquals(nd4j.getMean().dataType(), normalizer.getMean().dataType(), what);
      // the statistics are the exact ones (two passes in doubles), rounded to floats
      float[][] encoded = fitted.encode(raw, train);
      float[] mean = normalizer.getMean().toFloatVector();
      float[] std = normalizer.getStd().toFloatVector();
      int amount = fitted.featureNames().indexOf("amount");
      for (int j = 0; j < fitted.width(); j++) {
        double sum = 0;
        for (float[] row : encoded) {
          sum += row[j];
        }
        double exactMean = sum / encoded.length;
        double squares = 0;
        for (float[] row : encoded) {
          squares += (row[j] - exactMean) * (row[j] - exactMean);
        }
        boolean index = isEmbedded(fitted, j);
        float expectedStd = (float) Math.sqrt((float) (squares / encoded.length));
        expectedStd = expectedStd == 0 ? 1 : expectedStd; // a constant column: ND4J divides by 1
        assertEquals(index ? 0f : (float) exactMean, mean[j], Math.ulp((float) exactMean), what + " mean " + j);
        assertEquals(index ? 1f : expectedStd, std[j], Math.ulp(expectedStd), what + " std " + j);
      }
      // ND4J sums in floats: close on columns near 0, far off on one around 10^6 (its mean 46 deviations away)
      float[] nd4jMean = nd4j.getMean().toFloatVector();
      for (int j = 0; j < mean.length; j++) {
        if (j != amount) {
          assertEquals(nd4jMean[j], mean[j], 1e-5 * Math.max(1, Math.abs(mean[j])), what + " against ND4J " + j);
        }
      }
      assertEquals(1_000_000, mean[amount], 0.1, what);
      assertClose(nd4j.getStd().toFloatVector(), std, 1e-4, what + " std");
      // standardising is exactly ND4J's subtraction and division with these statistics
      DataSet again = new DataSet(ExperimentData.encoded(fitted, raw, train), null);
      normalizer.transform(again);
      assertArrayEquals(again.getFeatures().data().asFloat(), newTrain.data().asFloat(), what);
      // a saved model standardises a raw row with the normalizer: exactly the floats the fold holds
      again = new DataSet(ExperimentData.encoded(fitted, raw, other), null);
      normalizer.transform(again);
      assertArrayEquals(again.getFeatures().data().asFloat(), newOther.data().asFloat(), what);
      // against ND4J's own fit: the same features but for the column its float sums got wrong
      assertCloseOutside(oldTrain.getFeatures(), newTrain, amount, 1e-5, what + " train");
      assertCloseOutside(oldOther.getFeatures(), newOther, amount, 1e-5, what + " other");
    }
  }

  /**
   * A fold large enough to be encoded on all cores: exactly the floats and statistics of encoding
   * it block after block on one thread, summing each block into the moments in order.
   */
  @Test
  void theSameOnAnyNumberOfThreads() throws IOException {
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("x,city,amount,label\n");
    int n = Parallel.FROM_ROWS + 3 * TableEncoding.BLOCK_ROWS + 77;
    for (int i = 0; i < n; i++) {
      csv.append(random.nextInt(9) == 0 ? "" : String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 3 + 1))
          .append(",c").append(random.nextInt(30))
          .append(',').append(String.format(Locale.ROOT, "%.2f", 1_000_000 + random.nextGaussian()))
          .append(',').append(random.nextBoolean() ? "a" : "b").append('\n');
    }
    Path file = dir.resolve("large.csv");
    Files.writeString(file, csv);
    DataPlan plan = new DataPlan(null, List.of(), Missing.MEDIAN, true, 20, Map.of(), ClassWeights.NONE);
    RawTable raw = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, plan);
    int[] train = new int[n - 5000];
    int[] other = new int[5000];
    for (int i = 0; i < n; i++) {
      int row = (int) ((i * 7919L) % n);
      if (i < train.length) {
        train[i] = row;
      } else {
        other[i - train.length] = row;
      }
    }
    TableEncoding fitted = TableLayout.of(raw, plan, train).fit(raw, train);
    StandardizedFeatures standard = new StandardizedFeatures(fitted);
    float[] parallelTrain = standard.fit(raw, train).data().asFloat();
    float[] parallelOther = standard.transform(raw, other).data().asFloat();

    int width = fitted.width();
    float[] sequential = ExperimentData.encoded(fitted, raw, train).data().asFloat();
    ColumnMoments moments = new ColumnMoments(width);
    for (int from = 0; from < train.length; from += TableEncoding.BLOCK_ROWS) {
      int rows = Math.min(train.length, from + TableEncoding.BLOCK_ROWS) - from;
      moments.add(Arrays.copyOfRange(sequential, from * width, (from + rows) * width), rows);
    }
    float[] mean = moments.means();
    float[] std = moments.deviations();
    assertArrayEquals(mean, standard.normalizer().getMean().toFloatVector());
    assertArrayEquals(std, standard.normalizer().getStd().toFloatVector());
    ColumnMoments.standardize(sequential, train.length, mean, std);
    assertArrayEquals(sequential, parallelTrain);
    float[] sequentialOther = ExperimentData.encoded(fitted, raw, other).data().asFloat();
    ColumnMoments.standardize(sequentialOther, other.length, mean, std);
    assertArrayEquals(sequentialOther, parallelOther);
  }

  private static boolean isEmbedded(TableEncoding encoding, int feature) {
    return encoding.embeddings().stream().anyMatch(e -> e.feature() == feature);
  }

  /** Every feature but column {@code skip} within {@code tolerance}, absolute. */
  private static void assertCloseOutside(INDArray expected, INDArray actual, int skip, double tolerance, String what) {
    float[][] e = expected.toFloatMatrix();
    float[][] a = actual.toFloatMatrix();
    double worst = 0;
    for (int i = 0; i < e.length; i++) {
      for (int j = 0; j < e[i].length; j++) {
        if (j != skip) {
          worst = Math.max(worst, Math.abs(e[i][j] - a[i][j]));
        }
      }
    }
    System.out.println(what + ": at most " + worst + " from ND4J's own standardisation");
    assertTrue(worst <= tolerance, what + ": " + worst + " apart");
  }

  /** Relative to the magnitude (at least 1): every value within {@code tolerance}. */
  private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what);
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      double apart = Math.abs(expected[i] - actual[i]) / Math.max(1, Math.abs(expected[i]));
      if (apart > tolerance && expected.length < 200) {
        System.out.println(what + " " + i + ": " + expected[i] + " vs " + actual[i]);
      }
      worst = Math.max(worst, apart);
    }
    assertTrue(worst <= tolerance, what + ": " + worst + " apart; " + Arrays.toString(Arrays.copyOf(actual, 4)));
  }
}
