package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.ClassWeights;
import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.CsvLoader;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.NumericColumns;
import dev.hyp.runtime.data.RawTable;
import dev.hyp.runtime.data.RowEncoding;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Splitter;
import dev.hyp.runtime.data.Table;
import dev.hyp.runtime.data.TableEncoding;
import dev.hyp.runtime.data.TableLayout;
import dev.hyp.runtime.data.TableReader;
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
  private Table table; // a prepared table's is encoded on first use
  private final Table testTable;
  private final InputShape shape;
  private final List<Splitter.Parts> parts;
  private final Prepared prepared; // null: the features read as numbers, as they are
  private final ClassWeights classWeights;
  private final RowEncoding imageEncoding; // an image folder's: a row names an image file
  private final List<String> imageNotes;
  private final Map<String, List<Fold>> cache = new ConcurrentHashMap<>();
  private int trialsAtOnce = 1;
  private MemoryBudget budget;

  /**
   * A table read raw and prepared under a {@link DataPlan}: for each category encoding a trial may
   * choose (the default one at once, another on first use), its layout and the encoding of each fold.
   */
  private record Prepared(RawTable raw, RawTable rawTest, DataPlan plan, List<Splitter.Parts> parts, int[] fitted,
      Map<CategoryEncoding, Encoded> encoded, List<String> notes) {

    Encoded of(CategoryEncoding encoding) {
      return encoded.computeIfAbsent(encoding, e -> Encoded.of(raw, rawTest, plan, parts, fitted, e));
    }
  }

  /** One encoding of a prepared table: its layout, each fold's fitted encoding, and that of every non-test row. */
  private record Encoded(TableLayout layout, List<TableEncoding> folds, TableEncoding all) {
    static Encoded of(RawTable raw, RawTable rawTest, DataPlan plan, List<Splitter.Parts> parts, int[] fitted,
        CategoryEncoding encoding) {
      TableLayout layout = TableLayout.of(raw, plan, fitted, encoding);
      List<TableEncoding> folds = new ArrayList<>();
      for (Splitter.Parts p : parts) {
        folds.add(layout.fit(raw, p.train()));
      }
      TableEncoding all = layout.fit(raw, fitted);
      if (rawTest != null) {
        all.encode(rawTest, new int[0]); // a test file's column that cannot be encoded fails now, not in a trial
      }
      return new Encoded(layout, List.copyOf(folds), all);
    }
  }

  private ExperimentData(Table table, Table testTable, InputShape shape, List<Splitter.Parts> parts, Prepared prepared,
      ClassWeights classWeights) {
    this(table, testTable, shape, parts, prepared, classWeights, null, List.of());
  }

  private ExperimentData(Table table, Table testTable, InputShape shape, List<Splitter.Parts> parts, Prepared prepared,
      ClassWeights classWeights, RowEncoding imageEncoding, List<String> imageNotes) {
    this.table = table;
    this.testTable = testTable;
    this.shape = shape;
    this.parts = parts;
    this.prepared = prepared;
    this.classWeights = classWeights;
    this.imageEncoding = imageEncoding;
    this.imageNotes = imageNotes;
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
    return new ExperimentData(table, testTable, shape, split(table, split, seed), null, ClassWeights.NONE);
  }

  /**
   * Reads, prepares and splits a table as {@code plan} says (the `data` section's column choice,
   * kinds, missing values, one-hot encoding and class weights): each fold's encoding is fitted on
   * its training part. With {@code image} the features are pixels, read as numbers as they are;
   * only the class weights apply. Without a plan (null: an experiment compiled before plans) every
   * feature is read as a number, as {@link #load(CsvSource, CsvSource, Task, Split, int[], long)} does.
   *
   * @throws DataException for bad data
   */
  public static ExperimentData load(CsvSource source, CsvSource test, Task task, Split split, int[] image, long seed,
      DataPlan plan) {
    if (plan == null) {
      return load(source, test, task, split, image, seed);
    }
    if (image != null) {
      ExperimentData pixels = load(source, test, task, split, image, seed);
      return new ExperimentData(pixels.table, pixels.testTable, pixels.shape, pixels.parts, null, plan.classWeights());
    }
    RawTable raw = TableReader.read(source, task, plan);
    RawTable rawTest = test == null ? null : TableReader.readTest(test, plan, raw);
    List<Splitter.Parts> parts = split(raw.forSplitting(), split, seed);
    int[] fitted = notTest(parts, raw.size());
    Encoded encoded = Encoded.of(raw, rawTest, plan, parts, fitted, CategoryEncoding.DEFAULT);
    List<String> notes = new ArrayList<>();
    dropped(raw, notes);
    if (rawTest != null) {
      dropped(rawTest, notes);
    }
    notes.addAll(encoded.layout().notes());
    Map<CategoryEncoding, Encoded> encodings = new ConcurrentHashMap<>();
    encodings.put(CategoryEncoding.DEFAULT, encoded);
    Prepared prepared = new Prepared(raw, rawTest, plan, parts, fitted, encodings, List.copyOf(notes));
    return new ExperimentData(null, null, InputShape.flat(encoded.all().width(), encoded.all().embeddings()), parts,
        prepared, plan.classWeights());
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
    List<Splitter.Parts> parts = split(table, split, seed);
    InputShape shape = InputShape.image(train.size().height(), train.size().width(), train.size().channels());
    return new ExperimentData(table, testImages == null ? null : testImages.table(), shape, parts, null,
        ClassWeights.NONE, new ImageFiles(train.size()), List.copyOf(notes));
  }

  private static void dropped(RawTable raw, List<String> notes) {
    if (raw.droppedNoLabel() > 0) {
      notes.add(raw.file() + ": left out " + raw.droppedNoLabel() + " row" + (raw.droppedNoLabel() == 1 ? "" : "s")
          + " without a label `" + raw.labelName() + "`");
    }
    if (raw.droppedMissing() > 0) {
      notes.add(raw.file() + ": left out " + raw.droppedMissing() + " row" + (raw.droppedMissing() == 1 ? "" : "s")
          + " with an empty cell in a `missing = drop` column");
    }
  }

  private static List<Splitter.Parts> split(Table table, Split split, long seed) {
    return List.copyOf(split instanceof Split.KFold k ? Splitter.kfold(table, k, seed)
        : List.of(Splitter.holdout(table, (Split.Holdout) split, seed)));
  }

  /** The rows outside the test part, in order. */
  private static int[] notTest(List<Splitter.Parts> parts, int size) {
    boolean[] test = new boolean[size];
    for (int row : parts.get(0).test()) {
      test[row] = true;
    }
    int[] rows = new int[size - parts.get(0).test().length];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (!test[i]) {
        rows[n++] = i;
      }
    }
    return rows;
  }

  /**
   * What the run says before its first trial about the data: rows left out (no label, or an empty
   * cell in a `missing = drop` column), images skipped as unreadable, and warnings about the
   * columns, one line each; often none.
   */
  public List<String> notes() {
    return prepared != null ? prepared.notes() : imageNotes;
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

  /**
   * The training file's rows: for a prepared table, encoded by {@link #encoding()} (on first use:
   * a search never needs it).
   */
  public synchronized Table table() {
    if (table == null) {
      RawTable raw = prepared.raw();
      int[] all = new int[raw.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      TableEncoding encoding = prepared.of(CategoryEncoding.DEFAULT).all();
      table = new Table(raw.file(), encoding.featureNames(), raw.labelName(), encoding.encode(raw, all),
          raw.labels(), raw.classes(), raw.rows());
    }
    return table;
  }

  public Task task() {
    return prepared != null ? prepared.raw().task() : table.task();
  }

  /** The names of the features, in order (a prepared table's: `age`, `city=Paris`, `age_missing`). */
  public List<String> featureNames() {
    return featureNames(CategoryEncoding.DEFAULT);
  }

  /** The same when the trial encodes categories by {@code encoding} (an embedded column is one feature: `city`). */
  public List<String> featureNames(CategoryEncoding encoding) {
    return prepared != null ? prepared.of(encoding).all().featureNames() : table.featureNames();
  }

  public String labelName() {
    return prepared != null ? prepared.raw().labelName() : table.labelName();
  }

  /**
   * How a raw row of the data becomes the features, fitted on every row outside the test part (the
   * encoding a model trained on all those rows keeps); each fold's own is {@link Fold#encoding()}.
   */
  public RowEncoding encoding() {
    return encoding(CategoryEncoding.DEFAULT);
  }

  /** The same when the trial encodes categories by {@code encoding}. */
  public RowEncoding encoding(CategoryEncoding encoding) {
    if (imageEncoding != null) {
      return imageEncoding;
    }
    return prepared != null ? prepared.of(encoding).all() : new NumericColumns(table.featureNames());
  }

  public InputShape inputShape() {
    return shape;
  }

  /**
   * The input when the trial encodes categories by {@code encoding}: with `embedding`, one feature
   * per embedded column, its level's index, which the network's first layer looks up.
   */
  public InputShape inputShape(CategoryEncoding encoding) {
    if (prepared == null) {
      return shape;
    }
    TableEncoding all = prepared.of(encoding).all();
    return InputShape.flat(all.width(), all.embeddings());
  }

  /** The classes in index order, or null for regression. */
  public List<String> classes() {
    return prepared != null ? prepared.raw().classes() : table.classes();
  }

  public int numClasses() {
    return classes() == null ? 0 : classes().size();
  }

  public boolean hasTest() {
    return testTable != null || (prepared != null && prepared.rawTest() != null) || parts.get(0).test().length > 0;
  }

  /** The split's row indexes (one entry for a holdout, k for k-fold). */
  public List<Splitter.Parts> parts() {
    return parts;
  }

  /** The folds normalised with {@code normalization} and labelled for {@code loss}; prepared once, then shared. */
  public List<Fold> folds(Normalization normalization, String loss) {
    return folds(normalization, loss, CategoryEncoding.DEFAULT);
  }

  /** The same with categories encoded by {@code encoding} (a trial's `encoding`). */
  public List<Fold> folds(Normalization normalization, String loss, CategoryEncoding encoding) {
    boolean plusMinusOne = Loss.of(loss).plusMinusOneLabels();
    CategoryEncoding used = prepared == null ? CategoryEncoding.DEFAULT : encoding; // only a table has categories
    return cache.computeIfAbsent(normalization + "/" + plusMinusOne + "/" + used,
        key -> prepare(normalization, plusMinusOne, used));
  }

  private List<Fold> prepare(Normalization normalization, boolean plusMinusOne, CategoryEncoding categories) {
    List<Fold> folds = new ArrayList<>();
    for (int f = 0; f < parts.size(); f++) {
      Splitter.Parts p = parts.get(f);
      DataSet train;
      DataSet validation;
      DataSet test = null;
      double[] validationTruth;
      double[] testTruth = null;
      RowEncoding encoding;
      double[] labels;
      DataNormalization normalizer = newNormalizer(normalization);
      if (prepared != null && normalization == Normalization.STANDARD) {
        TableEncoding fold = prepared.of(categories).folds().get(f);
        RawTable raw = prepared.raw();
        labels = raw.labels();
        StandardizedFeatures standard = new StandardizedFeatures(fold);
        train = new DataSet(standard.fit(raw, p.train()), labels(labels, p.train(), plusMinusOne));
        validation = new DataSet(standard.transform(raw, p.validation()), labels(labels, p.validation(), plusMinusOne));
        validationTruth = truth(labels, p.validation());
        StandardizedTest standardTest = standardizedTest(standard, p.test(), plusMinusOne);
        test = standardTest.rows();
        testTruth = standardTest.truth();
        encoding = fold;
        normalizer = standard.normalizer();
        folds.add(new Fold(train, validation, test, validationTruth, testTruth, normalizer, encoding,
            classWeights(labels, p.train())));
        continue;
      }
      if (prepared != null) {
        TableEncoding fold = prepared.of(categories).folds().get(f);
        RawTable raw = prepared.raw();
        labels = raw.labels();
        train = dataSet(fold, raw, p.train(), plusMinusOne);
        validation = dataSet(fold, raw, p.validation(), plusMinusOne);
        validationTruth = truth(labels, p.validation());
        if (prepared.rawTest() != null) {
          int[] all = allRows(prepared.rawTest().size());
          test = dataSet(fold, prepared.rawTest(), all, plusMinusOne);
          testTruth = prepared.rawTest().labels().clone();
        } else if (p.test().length > 0) {
          test = dataSet(fold, raw, p.test(), plusMinusOne);
          testTruth = truth(labels, p.test());
        }
        encoding = fold;
      } else {
        labels = table.labels();
        train = dataSet(table, p.train(), plusMinusOne);
        validation = dataSet(table, p.validation(), plusMinusOne);
        validationTruth = truth(labels, p.validation());
        if (testTable != null) {
          int[] all = allRows(testTable.size());
          test = dataSet(testTable, all, plusMinusOne);
          testTruth = testTable.labels().clone();
        } else if (p.test().length > 0) {
          test = dataSet(table, p.test(), plusMinusOne);
          testTruth = truth(labels, p.test());
        }
        encoding = encoding(); // numbers as they are, or an image file: nothing fitted per fold
      }
      if (normalizer != null) {
        normalizer.fit(train);
        keepIndices(normalizer, encoding);
        normalizer.transform(train);
        normalizer.transform(validation);
        if (test != null) {
          normalizer.transform(test);
        }
      }
      folds.add(new Fold(train, validation, test, validationTruth, testTruth, normalizer, encoding,
          classWeights(labels, p.train())));
    }
    return List.copyOf(folds);
  }

  /**
   * Every row that is not a test row (a holdout's training and validation parts; all of k-fold's
   * rows) as one training fold, prepared by {@link #encoding()} (fitted on those rows) and
   * normalised with a normalizer fitted on them, with the test rows when there are any; no
   * validation ({@code validation} and its truth are null). What a refit trains on. Not cached: a
   * run refits once.
   */
  public Fold refitFold(Normalization normalization, String loss) {
    return refitFold(normalization, loss, CategoryEncoding.DEFAULT);
  }

  /** The same with categories encoded by {@code encoding} (the refitted trial's `encoding`). */
  public Fold refitFold(Normalization normalization, String loss, CategoryEncoding encoding) {
    boolean plusMinusOne = Loss.of(loss).plusMinusOneLabels();
    Splitter.Parts first = parts.get(0);
    int size = prepared != null ? prepared.raw().size() : table.size();
    int[] rows = notTest(parts, size);
    DataSet train;
    DataSet test = null;
    double[] testTruth = null;
    double[] labels;
    if (prepared != null && normalization == Normalization.STANDARD) {
      TableEncoding all = prepared.of(encoding).all();
      RawTable raw = prepared.raw();
      labels = raw.labels();
      StandardizedFeatures standard = new StandardizedFeatures(all);
      train = new DataSet(standard.fit(raw, rows), labels(labels, rows, plusMinusOne));
      StandardizedTest standardTest = standardizedTest(standard, first.test(), plusMinusOne);
      return new Fold(train, null, standardTest.rows(), null, standardTest.truth(), standard.normalizer(), all,
          classWeights(labels, rows));
    }
    if (prepared != null) {
      TableEncoding all = prepared.of(encoding).all();
      RawTable raw = prepared.raw();
      labels = raw.labels();
      train = dataSet(all, raw, rows, plusMinusOne);
      if (prepared.rawTest() != null) {
        int[] every = allRows(prepared.rawTest().size());
        test = dataSet(all, prepared.rawTest(), every, plusMinusOne);
        testTruth = prepared.rawTest().labels().clone();
      } else if (first.test().length > 0) {
        test = dataSet(all, raw, first.test(), plusMinusOne);
        testTruth = truth(labels, first.test());
      }
    } else {
      labels = table.labels();
      train = dataSet(table, rows, plusMinusOne);
      if (testTable != null) {
        test = dataSet(testTable, allRows(testTable.size()), plusMinusOne);
        testTruth = testTable.labels().clone();
      } else if (first.test().length > 0) {
        test = dataSet(table, first.test(), plusMinusOne);
        testTruth = truth(labels, first.test());
      }
    }
    DataNormalization normalizer = newNormalizer(normalization);
    if (normalizer != null) {
      normalizer.fit(train);
      keepIndices(normalizer, encoding(encoding));
      normalizer.transform(train);
      if (test != null) {
        normalizer.transform(test);
      }
    }
    return new Fold(train, null, test, null, testTruth, normalizer, encoding(encoding), classWeights(labels, rows));
  }

  /**
   * Makes a fitted normalizer leave the embedded categories' indices as they are (mean 0 and
   * deviation 1, or minimum 0 and maximum 1): an index names a row of a table, it is no quantity.
   * The saved model keeps the normalizer so, and prediction reads the same indices.
   */
  private static void keepIndices(DataNormalization normalizer, RowEncoding encoding) {
    if (!(encoding instanceof TableEncoding table)) {
      return;
    }
    for (TableEncoding.Embedded embedded : table.embeddings()) {
      if (normalizer instanceof NormalizerStandardize standard) {
        standard.getMean().putScalar(embedded.feature(), 0.0);
        standard.getStd().putScalar(embedded.feature(), 1.0);
      } else if (normalizer instanceof NormalizerMinMaxScaler minMax) {
        minMax.getMin().putScalar(embedded.feature(), 0.0);
        minMax.getMax().putScalar(embedded.feature(), 1.0);
      }
    }
  }

  private static DataNormalization newNormalizer(Normalization normalization) {
    return switch (normalization) {
      case NONE -> null;
      case STANDARD -> new NormalizerStandardize();
      case MINMAX -> new NormalizerMinMaxScaler(0, 1);
    };
  }

  /** The class weights fitted on a training part, or null for none (and for regression). */
  private double[] classWeights(double[] labels, int[] train) {
    if (classWeights.none() || classes() == null) {
      return null;
    }
    int[] trainClasses = new int[train.length];
    for (int i = 0; i < train.length; i++) {
      trainClasses[i] = (int) labels[train[i]];
    }
    java.nio.file.Path file = prepared != null ? prepared.raw().file() : table.file();
    return classWeights.fit(classes().size(), trainClasses, file, classes());
  }

  /** A standardised prepared table's test part and its labels; both null when there is none. */
  private record StandardizedTest(DataSet rows, double[] truth) {}

  /**
   * The test part of a prepared table standardised by {@code standard}: the spec's separate test
   * file when there is one, else the data's {@code testRows}.
   */
  private StandardizedTest standardizedTest(StandardizedFeatures standard, int[] testRows, boolean plusMinusOne) {
    RawTable rawTest = prepared.rawTest();
    if (rawTest != null) {
      int[] every = allRows(rawTest.size());
      return new StandardizedTest(new DataSet(standard.transform(rawTest, every),
          labels(rawTest.labels(), every, plusMinusOne)), rawTest.labels().clone());
    }
    if (testRows.length > 0) {
      double[] labels = prepared.raw().labels();
      return new StandardizedTest(new DataSet(standard.transform(prepared.raw(), testRows),
          labels(labels, testRows, plusMinusOne)), truth(labels, testRows));
    }
    return new StandardizedTest(null, null);
  }

  private static int[] allRows(int size) {
    int[] all = new int[size];
    for (int i = 0; i < size; i++) {
      all[i] = i;
    }
    return all;
  }

  private static double[] truth(double[] labels, int[] rows) {
    double[] t = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      t[i] = labels[rows[i]];
    }
    return t;
  }

  private DataSet dataSet(Table source, int[] rows, boolean plusMinusOne) {
    float[][] x = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = source.features()[rows[i]];
    }
    return dataSet(x, source.labels(), rows, plusMinusOne);
  }

  /** {@code x[i]} holds the features of row {@code rows[i]}, whose label is {@code labels[rows[i]]}. */
  private DataSet dataSet(float[][] x, double[] labels, int[] rows, boolean plusMinusOne) {
    return dataSet(x, labels, rows, plusMinusOne, shape);
  }

  /**
   * A prepared table's rows as {@code encoding} encodes them, written a block at a time straight
   * into the native array: no Java copy of the features, whatever the table's size.
   */
  private DataSet dataSet(TableEncoding encoding, RawTable raw, int[] rows, boolean plusMinusOne) {
    return new DataSet(encoded(encoding, raw, rows), labels(raw.labels(), rows, plusMinusOne));
  }

  /** [rows, width] floats: {@code rows} of {@code raw} as {@code encoding} encodes them. */
  static INDArray encoded(TableEncoding encoding, RawTable raw, int[] rows) {
    int width = encoding.width();
    if (rows.length == 0) {
      encoding.encode(raw, rows, 0, 0, new float[0]); // a column that cannot be encoded fails even without rows
      return Nd4j.create(new float[0], new long[] {0, width}, 'c');
    }
    INDArray features = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT,
        new long[] {rows.length, width}, 'c');
    java.nio.FloatBuffer into = features.data().asNioFloat();
    float[] block = new float[Math.min(rows.length, TableEncoding.BLOCK_ROWS) * width];
    for (int from = 0; from < rows.length; from += TableEncoding.BLOCK_ROWS) {
      int to = Math.min(rows.length, from + TableEncoding.BLOCK_ROWS);
      encoding.encode(raw, rows, from, to, block);
      into.put(from * width, block, 0, (to - from) * width);
    }
    return features;
  }

  private DataSet dataSet(float[][] x, double[] labels, int[] rows, boolean plusMinusOne, InputShape shape) {
    return new DataSet(features(x, shape), labels(labels, rows, plusMinusOne));
  }

  /** The labels of {@code rows}: one-hot (-1/+1 for hinge losses) for classification, the value for regression. */
  private INDArray labels(double[] labels, int[] rows, boolean plusMinusOne) {
    boolean classification = task() == Task.CLASSIFICATION;
    int k = classification ? numClasses() : 1;
    float[] y = new float[rows.length * k];
    for (int i = 0; i < rows.length; i++) {
      double label = labels[rows[i]];
      if (classification) {
        if (plusMinusOne) {
          java.util.Arrays.fill(y, i * k, (i + 1) * k, -1f);
        }
        y[i * k + (int) label] = 1f;
      } else {
        y[i] = (float) label;
      }
    }
    return Nd4j.create(y, new long[] {rows.length, k}, 'c');
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
    if (flat.length == 0) {
      return Nd4j.create(flat, new long[] {rows.length, f}, 'c');
    }
    // one bulk copy: Nd4j.create(float[]) writes element by element through an indexer
    INDArray features = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT,
        new long[] {rows.length, f}, 'c');
    features.data().asNioFloat().put(flat);
    return features;
  }
}
