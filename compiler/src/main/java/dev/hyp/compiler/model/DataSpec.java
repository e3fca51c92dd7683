package dev.hyp.compiler.model;

/** Where the data comes from and how it is split and scaled. */
public record DataSpec(CsvSource source, CsvSource test, Split split, Value normalize, ImageShape shape) {

  /** `csv(path, label = ..., header = ..., delimiter = ...)`; path as written, relative to the spec. */
  public record CsvSource(String path, String label, boolean header, String delimiter) {}

  /** `image(height, width, channels)`: the feature columns are pixels, row by row. */
  public record ImageShape(long height, long width, long channels) {}

  public sealed interface Split {}

  /** Seeded, stratified for classification. */
  public record Holdout(double validation, double test) implements Split {}

  public record KFold(long folds) implements Split {}

  /** Whether some data is kept apart for a final test. */
  public boolean hasTest() {
    return test != null || (split instanceof Holdout h && h.test() > 0);
  }
}
