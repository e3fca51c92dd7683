package dev.hyp.compiler.model;

/**
 * Where the data comes from and how it is split and scaled. The data is a CSV file ({@code source},
 * {@code test}) or an image folder ({@code images}, {@code imageTest}); the other pair is null.
 * {@code shape} is the input's image shape when known: a CSV's `shape`, or an image folder's `size`.
 */
public record DataSpec(CsvSource source, CsvSource test, Split split, Value normalize, ImageShape shape,
    ImageFolder images, ImageFolder imageTest) {

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
