package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.CsvLoader;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.NumericColumns;
import dev.hyp.runtime.data.RowEncoding;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Splitter;
import dev.hyp.runtime.data.Table;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.data.images.ImageFiles;
import dev.hyp.runtime.data.images.ImageFolderLoader;
import dev.hyp.runtime.data.images.ImageFolderSource;
import dev.hyp.runtime.data.images.LoadedImages;
import dev.hyp.runtime.vocab.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run's data: read and split once, then shared read-only by every trial, on any thread.
 * {@link #folds} gives the normalised folds for a normalization and a loss; each combination is
 * prepared once, on first use, and cached.
 *
 * <p>Image pixels are read row by row with each pixel's channels together (height, width,
 * channels: how a numpy image flattens); they are fed to DL4J channel by channel.
 */
public final class ExperimentData {
  private final Table table;
  private final Table testTable;
  private final InputShape shape;
  private final List<Splitter.Parts> parts;
  private final Map<String, List<Fold>> cache = new ConcurrentHashMap<>();
  private final RowEncoding imageEncoding;
  private final List<String> notes;
  private int trialsAtOnce = 1;
  private MemoryBudget budget;

  private ExperimentData(Table table, Table testTable, InputShape shape, List<Splitter.Parts> parts) {
    this(table, testTable, shape, parts, null, List.of());
  }

  private ExperimentData(Table table, Table testTable, InputShape shape, List<Splitter.Parts> parts,
      RowEncoding imageEncoding, List<String> notes) {
    this.table = table;
    this.testTable = testTable;
    this.shape = shape;
    this.parts = parts;
    this.imageEncoding = imageEncoding;
    this.notes = notes;
  }

  /**
   * Reads image folders (one subfolder per class) and splits the training one: the task is
   * classification, the input an image of the folder's size.
   *
   * @param source the training folder
   * @param test a separate test folder, or null
   * @param split holdout or k-fold, stratified
   * @param seed seeds the split
   * @throws DataException for a bad folder or image
   */
  public static ExperimentData loadImages(ImageFolderSource source, ImageFolderSource test, Split split, long seed) {
    LoadedImages train = ImageFolderLoader.load(source);
    LoadedImages testImages = test == null ? null : ImageFolderLoader.loadTest(test, train);
    List<String> notes = new ArrayList<>();
    for (LoadedImages loaded : testImages == null ? List.of(train) : List.of(train, testImages)) {
      if (loaded.skippedLine() != null) {
        notes.add(loaded.skippedLine());
      }
    }
    Table table = train.table();
    List<Splitter.Parts> parts = split instanceof Split.KFold k ? Splitter.kfold(table, k, seed)
        : List.of(Splitter.holdout(table, (Split.Holdout) split, seed));
    InputShape shape = InputShape.image(train.size().height(), train.size().width(), train.size().channels());
    return new ExperimentData(table, testImages == null ? null : testImages.table(), shape, List.copyOf(parts),
        new ImageFiles(train.size()), List.copyOf(notes));
  }

  /** Lines a run prints about the data once it is loaded (images skipped as unreadable); often none. */
  public List<String> notes() {
    return notes;
  }

  /**
   * Reads and splits the data.
   *
   * @param source the training file
   * @param test a separate test file, or null
   * @param task classification or regression
   * @param split holdout or k-fold
   * @param image {@code {height, width, channels}} for `shape = image(...)`, or null for flat features
   * @param seed seeds the split
   * @throws DataException for bad data
   */
  public static ExperimentData load(CsvSource source, CsvSource test, Task task, Split split, int[] image, long seed) {
    Table table = CsvLoader.load(source, task);
    Table testTable = test == null ? null : CsvLoader.loadTest(test, table);
    InputShape shape;
    if (image != null) {
      long pixels = (long) image[0] * image[1] * image[2];
      if (pixels != table.featureCount()) {
        throw new DataException(source.path(), source.header() ? 1 : 0, null, "shape image(" + image[0] + ", "
            + image[1] + ", " + image[2] + ") needs " + pixels + " feature columns, but the file has "
            + table.featureCount());
      }
      shape = InputShape.image(image[0], image[1], image[2]);
    } else {
      shape = InputShape.flat(table.featureCount());
    }
    List<Splitter.Parts> parts = split instanceof Split.KFold k ? Splitter.kfold(table, k, seed)
        : List.of(Splitter.holdout(table, (Split.Holdout) split, seed));
    return new ExperimentData(table, testTable, shape, List.copyOf(parts));
  }

  /**
   * How many trials train at once on this data (the run's `parallel`, 1 unless set): they share
   * its {@link #memoryBudget()}. Set by the run before its first trial.
   */
  public void trialsAtOnce(int trials) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials at once: " + trials);
    }
    synchronized (this) {
      this.trialsAtOnce = trials;
      this.budget = null;
    }
  }

  /** The memory each trial may use: measured when the first trial asks, then the same for the whole run. */
  public synchronized MemoryBudget memoryBudget() {
    if (budget == null) {
      budget = MemoryBudget.measure(trialsAtOnce);
    }
    return budget;
  }

  /** Replaces the measured budget (tests: the same budget on any machine). */
  synchronized void memoryBudget(MemoryBudget fixed) {
    this.budget = fixed;
  }

  public Table table() {
    return table;
  }

  public Task task() {
    return table.task();
  }

  /** How a raw row of the data becomes the features (kept with every saved model). */
  public RowEncoding encoding() {
    if (imageEncoding != null) {
      return imageEncoding; // a row names an image file
    }
    return new NumericColumns(table.featureNames());
  }

  public InputShape inputShape() {
    return shape;
  }

  /** The classes in index order, or null for regression. */
  public List<String> classes() {
    return table.classes();
  }

  public int numClasses() {
    return table.classes() == null ? 0 : table.classes().size();
  }

  public boolean hasTest() {
    return testTable != null || parts.get(0).test().length > 0;
  }

  /** The split's row indexes (one entry for a holdout, k for k-fold). */
  public List<Splitter.Parts> parts() {
    return parts;
  }

  /** The folds normalised with {@code normalization} and labelled for {@code loss}; prepared once, then shared. */
  public List<Fold> folds(Normalization normalization, String loss) {
    boolean plusMinusOne = Loss.of(loss).plusMinusOneLabels();
    return cache.computeIfAbsent(normalization + "/" + plusMinusOne, key -> prepare(normalization, plusMinusOne));
  }

  private List<Fold> prepare(Normalization normalization, boolean plusMinusOne) {
    List<Fold> folds = new ArrayList<>();
    for (Splitter.Parts p : parts) {
      DataSet train = dataSet(table, p.train(), plusMinusOne);
      DataSet validation = dataSet(table, p.validation(), plusMinusOne);
      DataSet test = null;
      double[] testTruth = null;
      if (testTable != null) {
        int[] all = new int[testTable.size()];
        for (int i = 0; i < all.length; i++) {
          all[i] = i;
        }
        test = dataSet(testTable, all, plusMinusOne);
        testTruth = testTable.labels().clone();
      } else if (p.test().length > 0) {
        test = dataSet(table, p.test(), plusMinusOne);
        testTruth = truth(table, p.test());
      }
      DataNormalization normalizer = switch (normalization) {
        case NONE -> null;
        case STANDARD -> new NormalizerStandardize();
        case MINMAX -> new NormalizerMinMaxScaler(0, 1);
      };
      if (normalizer != null) {
        normalizer.fit(train);
        normalizer.transform(train);
        normalizer.transform(validation);
        if (test != null) {
          normalizer.transform(test);
        }
      }
      folds.add(new Fold(train, validation, test, truth(table, p.validation()), testTruth, normalizer));
    }
    return List.copyOf(folds);
  }

  /**
   * Every row that is not a test row (a holdout's training and validation parts; all of k-fold's
   * rows) as one training fold, normalised with a normalizer fitted on those rows, with the test
   * rows when there are any; no validation ({@code validation} and its truth are null). What a
   * refit trains on. Not cached: a run refits once.
   */
  public Fold refitFold(Normalization normalization, String loss) {
    boolean plusMinusOne = Loss.of(loss).plusMinusOneLabels();
    Splitter.Parts first = parts.get(0);
    boolean[] held = new boolean[table.size()];
    for (int row : first.test()) {
      held[row] = true;
    }
    int[] rows = java.util.stream.IntStream.range(0, table.size()).filter(r -> !held[r]).toArray();
    DataSet train = dataSet(table, rows, plusMinusOne);
    DataSet test = null;
    double[] testTruth = null;
    if (testTable != null) {
      test = dataSet(testTable, java.util.stream.IntStream.range(0, testTable.size()).toArray(), plusMinusOne);
      testTruth = testTable.labels().clone();
    } else if (first.test().length > 0) {
      test = dataSet(table, first.test(), plusMinusOne);
      testTruth = truth(table, first.test());
    }
    DataNormalization normalizer = switch (normalization) {
      case NONE -> null;
      case STANDARD -> new NormalizerStandardize();
      case MINMAX -> new NormalizerMinMaxScaler(0, 1);
    };
    if (normalizer != null) {
      normalizer.fit(train);
      normalizer.transform(train);
      if (test != null) {
        normalizer.transform(test);
      }
    }
    return new Fold(train, null, test, null, testTruth, normalizer);
  }

  private static double[] truth(Table table, int[] rows) {
    double[] t = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      t[i] = table.labels()[rows[i]];
    }
    return t;
  }

  private DataSet dataSet(Table source, int[] rows, boolean plusMinusOne) {
    float[][] x = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = source.features()[rows[i]];
    }
    INDArray features = features(x, shape);
    int k = source.task() == Task.CLASSIFICATION ? source.classes().size() : 1;
    float[] y = new float[rows.length * k];
    for (int i = 0; i < rows.length; i++) {
      double label = source.labels()[rows[i]];
      if (source.task() == Task.CLASSIFICATION) {
        if (plusMinusOne) {
          java.util.Arrays.fill(y, i * k, (i + 1) * k, -1f);
        }
        y[i * k + (int) label] = 1f;
      } else {
        y[i] = (float) label;
      }
    }
    return new DataSet(features, Nd4j.create(y, new long[] {rows.length, k}, 'c'));
  }

  /**
   * Raw feature rows as the network's input: [rows, features] floats, image pixels reordered from
   * (height, width, channels) to channel by channel. Normalisation is not applied.
   */
  public static INDArray features(double[][] rows, InputShape shape) {
    float[][] floats = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      floats[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        floats[i][j] = (float) rows[i][j];
      }
    }
    return features(floats, shape);
  }

  /** The same for rows already in floats, as a {@link Table} holds them. */
  public static INDArray features(float[][] rows, InputShape shape) {
    int f = shape.features();
    float[] flat = new float[rows.length * f];
    boolean reorder = shape.isImage() && shape.channels() > 1;
    int h = shape.height();
    int w = shape.width();
    int c = shape.channels();
    for (int i = 0; i < rows.length; i++) {
      float[] r = rows[i];
      if (r.length != f) {
        throw new IllegalArgumentException("row " + i + " has " + r.length + " features, not " + f);
      }
      int base = i * f;
      if (reorder) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            for (int ch = 0; ch < c; ch++) {
              flat[base + (ch * h + y) * w + x] = r[(y * w + x) * c + ch];
            }
          }
        }
      } else {
        System.arraycopy(r, 0, flat, base, f);
      }
    }
    return Nd4j.create(flat, new long[] {rows.length, f}, 'c');
  }
}
