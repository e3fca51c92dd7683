package dev.hyp.compiler.model;

import java.util.List;

/**
 * Where the data comes from and how it is split, prepared and scaled. The data is a CSV file
 * ({@code source}, {@code test}) or an image folder ({@code images}, {@code imageTest}); the other
 * pair is null. {@code shape} is the input's image shape when known: a CSV's `shape`, or an image
 * folder's `size`. {@code preparation} says how a table's columns become features, and {@code
 * encoding} (`onehot` or `embedding`, may be a parameter) how its category columns are encoded.
 */
public record DataSpec(CsvSource source, CsvSource test, Split split, Value normalize, ImageShape shape,
    ImageFolder images, ImageFolder imageTest, Preparation preparation, Value encoding) {

  /** The default `encoding`. */
  public static final String ONEHOT = "onehot";

  public DataSpec(CsvSource source, CsvSource test, Split split, Value normalize, ImageShape shape,
      ImageFolder images, ImageFolder imageTest, Preparation preparation) {
    this(source, test, split, normalize, shape, images, imageTest, preparation,
        Value.symbol(ONEHOT, dev.hyp.compiler.source.Span.NONE));
  }

  /** Whether `encoding` is the default, `onehot`, in every trial. */
  public boolean defaultEncoding() {
    return encoding instanceof Value.Symbol s && s.name().equals(ONEHOT);
  }

  public DataSpec(CsvSource source, CsvSource test, Split split, Value normalize, ImageShape shape,
      ImageFolder images, ImageFolder imageTest) {
    this(source, test, split, normalize, shape, images, imageTest, Preparation.DEFAULT);
  }

  public DataSpec(CsvSource source, CsvSource test, Split split, Value normalize, ImageShape shape) {
    this(source, test, split, normalize, shape, null, null, Preparation.DEFAULT);
  }

  /**
   * How a table is prepared: `features` or `drop`, `missing`, `indicator`, `max_onehot`,
   * `class_weights` and the `column(...)` lines.
   *
   * @param features the feature columns, or null for all but the label and {@code drop}
   * @param missing a missing-value rule's name (`mean`, ...)
   * @param classWeights `none` or `balanced`, or null when {@code weights} are given
   * @param weights explicit class weights in the classes' order, or null
   */
  public record Preparation(List<String> features, List<String> drop, String missing, boolean indicator,
      long maxOnehot, List<Column> columns, String classWeights, List<Double> weights) {
    public static final Preparation DEFAULT = new Preparation(null, List.of(), "mean", false, 20, List.of(), "none",
        null);

    public boolean isDefault() {
      return equals(DEFAULT);
    }
  }

  /**
   * `column("name", kind = ..., missing = ..., indicator = ..., encoding = ..., dim = ...)`; each
   * null when not given.
   */
  public record Column(String name, String kind, String missing, Boolean indicator, String encoding, Long dim) {
    public Column(String name, String kind, String missing, Boolean indicator) {
      this(name, kind, missing, indicator, null, null);
    }
  }

  /** `csv(path, label = ..., header = ..., delimiter = ...)`; path as written, relative to the spec. */
  public record CsvSource(String path, String label, boolean header, String delimiter) {}

  /** `image(height, width, channels)`: the feature columns are pixels, row by row. */
  public record ImageShape(long height, long width, long channels) {}

  /** `images(path, size = image(...), skip_unreadable = ...)`; size null when left out (the images' own). */
  public record ImageFolder(String path, ImageShape size, boolean skipUnreadable) {}

  public sealed interface Split {}

  /** Seeded, stratified for classification. */
  public record Holdout(double validation, double test) implements Split {}

  public record KFold(long folds) implements Split {}

  /** Whether some data is kept apart for a final test. */
  public boolean hasTest() {
    return test != null || imageTest != null || (split instanceof Holdout h && h.test() > 0);
  }

  /** Whether the network's input is an image: a CSV's `shape`, or an image folder. */
  public boolean imageInput() {
    return shape != null || images != null;
  }
}
