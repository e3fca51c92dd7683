package dev.hyp.runtime.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file read into memory: the feature columns (every column but the label, in file order)
 * and the label, as a class index (classification) or a value (regression). Features are held as
 * 32-bit floats, the precision training computes in. Read-only once made: share it between
 * threads, never write into its arrays.
 *
 * @param file the file it was read from
 * @param featureNames the names of the feature columns, in file order
 * @param labelName the label column's name
 * @param features one row per example
 * @param labels class index (classification) or target value (regression), one per example
 * @param classes the class names in index order (sorted), or null for regression
 * @param rows the 1-based row in the file of each example (the header is row 1)
 */
public record Table(Path file, List<String> featureNames, String labelName, float[][] features, double[] labels,
    List<String> classes, int[] rows) {

  public int size() {
    return features.length;
  }

  public int featureCount() {
    return featureNames.size();
  }

  public Task task() {
    return classes == null ? Task.REGRESSION : Task.CLASSIFICATION;
  }

  /** The class index of example {@code i}; classification only. */
  public int classOf(int i) {
    return (int) labels[i];
  }
}
