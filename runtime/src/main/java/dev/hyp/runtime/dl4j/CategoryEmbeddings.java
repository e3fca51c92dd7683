package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.TableEncoding;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The first layer of a network whose input holds category indices (`encoding = embedding`): each
 * such feature is replaced by its level's row of a table the network learns (one table per
 * column), and the other features pass through unchanged, in order. So `[age, city, plan]` with
 * `city` embedded in 4 dimensions becomes `[age, c1, c2, c3, c4, plan]`. A table's row 0 is the
 * reserved row of levels training did not see ({@link TableEncoding#UNSEEN_INDEX}): it starts at
 * zero and learns only from training rows that use it.
 *
 * <p>A plain DL4J layer configuration (Jackson-serialised by class name with the network), so a
 * saved model restores it; its parameters are {@code E0}, {@code E1}, ... (one table each, weights
 * for l1/l2 and the updater like a dense layer's).
 */
public final class CategoryEmbeddings extends FeedForwardLayer {
  private static final long serialVersionUID = 1L;

  private int[] features = new int[0];
  private int[] rows = new int[0];
  private int[] dims = new int[0];

  /** For Jackson. */
  public CategoryEmbeddings() {}

  /**
   * @param inputs the input's features
   * @param embedded where the indices are among them, with their tables' sizes, in feature order
   */
  CategoryEmbeddings(int inputs, List<TableEncoding.Embedded> embedded) {
    features = embedded.stream().mapToInt(TableEncoding.Embedded::feature).toArray();
    rows = embedded.stream().mapToInt(TableEncoding.Embedded::rows).toArray();
    dims = embedded.stream().mapToInt(TableEncoding.Embedded::dim).toArray();
    for (int j = 1; j < features.length; j++) {
      if (features[j] <= features[j - 1]) {
        throw new IllegalArgumentException("embedded features out of order: " + Arrays.toString(features));
      }
    }
    setNIn(inputs);
    setNOut(inputs - features.length + Arrays.stream(dims).sum());
  }

  /** The position of each embedded feature in the input. */
  public int[] getFeatures() {
    return features.clone();
  }

  public void setFeatures(int[] features) {
    this.features = features.clone();
  }

  /** Each table's rows: the column's levels and the reserved row 0. */
  public int[] getRows() {
    return rows.clone();
  }

  public void setRows(int[] rows) {
    this.rows = rows.clone();
  }

  /** Each table's vector length. */
  public int[] getDims() {
    return dims.clone();
  }

  public void setDims(int[] dims) {
    this.dims = dims.clone();
  }

  int tables() {
    return features.length;
  }

  int feature(int table) {
    return features[table];
  }

  int rows(int table) {
    return rows[table];
  }

  int dim(int table) {
    return dims[table];
  }

  static String key(int table) {
    return "E" + table;
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
      DataType networkDataType) {
    CategoryEmbeddingsLayer layer = new CategoryEmbeddingsLayer(conf, networkDataType);
    layer.setListeners(listeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(paramsView);
    Map<String, INDArray> table = initializer().init(conf, paramsView, initializeParams);
    layer.setParamTable(table);
    layer.setConf(conf);
    return layer;
  }

  @Override
  public ParamInitializer initializer() {
    return CategoryEmbeddingsParams.INSTANCE;
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    InputType out = getOutputType(-1, inputType);
    long params = initializer().numParams(this);
    long state = getIUpdater() == null ? 0 : getIUpdater().stateSize(params);
    return new LayerMemoryReport.Builder(layerName, CategoryEmbeddings.class, inputType, out)
        .standardMemory(params, state)
        .workingMemory(0, 0, 0, out.arrayElementsPerExample())
        .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
        .build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoryEmbeddings c && super.equals(o) && Arrays.equals(c.features, features)
        && Arrays.equals(c.rows, rows) && Arrays.equals(c.dims, dims);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + Arrays.hashCode(features) + 7 * Arrays.hashCode(rows) + 13 * Arrays.hashCode(dims);
  }
}
