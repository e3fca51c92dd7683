package dev.hyp.runtime.data;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.hyp.runtime.data.images.ImageFiles;
import java.util.List;

/**
 * How one raw row of a table (its cells as text, by column name) becomes the feature vector a
 * network takes, before normalization. Training fits it on the training part; a saved model keeps
 * it (in `hyp-model.json`, by its {@code kind}), so that `hyp predict` and the Java API prepare a
 * row exactly as training did. Implementations are immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = NumericColumns.class, name = "numeric"),
    @JsonSubTypes.Type(value = ImageFiles.class, name = "image"),
    @JsonSubTypes.Type(value = TableEncoding.class, name = "table")})
public interface RowEncoding {

  /** The columns a row must have, by header name, in the order {@link #encode} takes their cells. */
  List<String> columns();

  /** The length of the feature vector. */
  int width();

  /**
   * Encodes one row.
   *
   * @param cells {@code cells[i]} is the text of column {@code columns().get(i)}, trimmed; "" is an empty cell
   * @param out receives the {@link #width()} features
   * @throws CellException for a cell it cannot encode, naming the column
   */
  void encode(String[] cells, double[] out);

  /**
   * The columns of a row whose category has no one-hot slot of its own: training never saw it, or
   * it was rarer than the `max_onehot` most frequent levels. Such a row is encoded by the documented
   * rule (the `other` slot, or none), not refused; a prediction counts them. None for numbers.
   */
  default List<String> unseen(String[] cells) {
    return List.of();
  }
}
