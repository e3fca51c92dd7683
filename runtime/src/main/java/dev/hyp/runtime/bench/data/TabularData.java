package dev.hyp.runtime.bench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * A tabular classification at any size: 40 numeric features {@code f1..f40} and a label
 * {@code class} of 4 levels ({@code c0..c3}, about a quarter each). 10 of the features are the
 * inputs of a fixed random teacher network (24 saturating tanh units), whose 4 outputs give the
 * class through a softmax draw (so some labels are noise); 10 more are noisy mixtures of those
 * 10, and 20 are pure noise; the columns are in a seeded order. The boundary is far from linear:
 * an MLP beats a linear model by a wide margin.
 *
 * <p>Rows come from one seeded stream, so the first N rows of a larger file are the N-row file.
 */
public final class TabularData {
  public static final String FILE_NAME = "tabular_100k.csv";
  public static final String LABEL = "class";
  public static final long SEED = 40L;
  public static final int ROWS = 100_000;
  public static final int FEATURES = 40;
  public static final int CLASSES = 4;
  static final int INFORMATIVE = 10;
  static final int MIXED = 10;
  static final int HIDDEN = 24;
  static final int DECIMALS = 4;
  /** How sharp the teacher's softmax is: higher, fewer noisy labels. */
  static final double SHARPNESS = 2.5;

  private final Random random;
  private final double[][] hiddenWeights = new double[HIDDEN][INFORMATIVE];
  private final double[] hiddenBias = new double[HIDDEN];
  private final double[][] outputWeights = new double[CLASSES][HIDDEN];
  private final double[] outputBias = new double[CLASSES];
  private final double[][] mixing = new double[MIXED][INFORMATIVE];
  /** column j of the file holds feature {@code order[j]}: 0..9 informative, 10..19 mixtures, then noise. */
  private final int[] order = new int[FEATURES];

  private TabularData(long seed) {
    random = new Random(seed);
    for (int j = 0; j < HIDDEN; j++) {
      for (int i = 0; i < INFORMATIVE; i++) {
        hiddenWeights[j][i] = random.nextGaussian();
      }
      hiddenBias[j] = random.nextGaussian();
    }
    for (int k = 0; k < CLASSES; k++) {
      for (int j = 0; j < HIDDEN; j++) {
        outputWeights[k][j] = random.nextGaussian();
      }
    }
    for (int m = 0; m < MIXED; m++) {
      for (int i = 0; i < INFORMATIVE; i++) {
        mixing[m][i] = random.nextGaussian() / StrictMath.sqrt(INFORMATIVE);
      }
    }
    for (int j = 0; j < FEATURES; j++) {
      order[j] = j;
    }
    for (int j = FEATURES - 1; j > 0; j--) {
      int swap = random.nextInt(j + 1);
      int kept = order[j];
      order[j] = order[swap];
      order[swap] = kept;
    }
    balance();
  }

  /** Writes {@code rows} rows drawn with {@code seed}; returns the file's size in bytes. */
  public static long write(Path file, long rows, long seed) throws IOException {
    TabularData data = new TabularData(seed);
    StringBuilder header = new StringBuilder();
    for (int j = 1; j <= FEATURES; j++) {
      header.append('f').append(j).append(',');
    }
    header.append(LABEL);
    double[] features = new double[FEATURES];
    return CsvOut.write(file, header.toString(), rows, (index, line) -> {
      int label = data.next(features);
      for (int j = 0; j < FEATURES; j++) {
        FixedDecimals.append(line, features[data.order[j]], DECIMALS);
        line.append(',');
      }
      line.append('c').append(label);
    });
  }

  /** Draws one row's features (in feature order, not column order) and returns its class. */
  int next(double[] features) {
    for (int i = 0; i < INFORMATIVE; i++) {
      features[i] = random.nextGaussian();
    }
    for (int m = 0; m < MIXED; m++) {
      double sum = 0.5 * random.nextGaussian();
      for (int i = 0; i < INFORMATIVE; i++) {
        sum += mixing[m][i] * features[i];
      }
      features[INFORMATIVE + m] = sum;
    }
    for (int i = INFORMATIVE + MIXED; i < FEATURES; i++) {
      features[i] = random.nextGaussian();
    }
    double[] logits = logits(features);
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double total = 0;
    for (int k = 0; k < CLASSES; k++) {
      logits[k] = StrictMath.exp(SHARPNESS * (logits[k] - max));
      total += logits[k];
    }
    double u = random.nextDouble() * total;
    for (int k = 0; k < CLASSES - 1; k++) {
      u -= logits[k];
      if (u < 0) {
        return k;
      }
    }
    return CLASSES - 1;
  }

  /** The teacher's outputs for the first {@link #INFORMATIVE} features. */
  double[] logits(double[] features) {
    double[] hidden = new double[HIDDEN];
    for (int j = 0; j < HIDDEN; j++) {
      double sum = hiddenBias[j];
      for (int i = 0; i < INFORMATIVE; i++) {
        sum += hiddenWeights[j][i] * features[i];
      }
      hidden[j] = StrictMath.tanh(sum);
    }
    double[] logits = new double[CLASSES];
    for (int k = 0; k < CLASSES; k++) {
      double sum = outputBias[k];
      for (int j = 0; j < HIDDEN; j++) {
        sum += outputWeights[k][j] * hidden[j];
      }
      logits[k] = sum;
    }
    return logits;
  }

  /**
   * Shifts the output biases until the teacher's argmax picks each class about equally often, on
   * a pilot sample from its own seeded stream (so the data's stream is untouched).
   */
  private void balance() {
    Random pilot = new Random(random.nextLong());
    double[][] inputs = new double[4000][INFORMATIVE];
    for (double[] x : inputs) {
      for (int i = 0; i < INFORMATIVE; i++) {
        x[i] = pilot.nextGaussian();
      }
    }
    for (int round = 0; round < 30; round++) {
      int[] counts = new int[CLASSES];
      for (double[] x : inputs) {
        double[] l = logits(x);
        int best = 0;
        for (int k = 1; k < CLASSES; k++) {
          if (l[k] > l[best]) {
            best = k;
          }
        }
        counts[best]++;
      }
      for (int k = 0; k < CLASSES; k++) {
        double share = Math.max(counts[k], 1) / (double) inputs.length;
        outputBias[k] -= 0.5 * StrictMath.log(share * CLASSES);
      }
    }
  }
}
