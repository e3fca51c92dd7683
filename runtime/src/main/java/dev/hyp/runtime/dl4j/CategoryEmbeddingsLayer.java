package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.TableEncoding;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What {@link CategoryEmbeddings} computes: rows of its tables pulled by index (as DL4J's own
 * embedding layer does), the other features copied; backward, each row's gradient is the sum of
 * the output gradients of the examples that used it. It is always the network's first layer, so
 * it hands back no gradient for its input (as DL4J's embedding layer). An index is rounded (a
 * normalizer may leave it 1e-7 off) and one outside its table reads the reserved row.
 */
final class CategoryEmbeddingsLayer extends BaseLayer<CategoryEmbeddings> {
  CategoryEmbeddingsLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    CategoryEmbeddings c = layerConf();
    long examples = input.size(0);
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), examples, c.getNOut());
    long in = 0;
    long at = 0;
    for (int j = 0; j < c.tables(); j++) {
      at = copy(in, c.feature(j), at, out);
      INDArray rows = Nd4j.pullRows(getParam(CategoryEmbeddings.key(j)), 1, indices(j));
      out.get(NDArrayIndex.all(), NDArrayIndex.interval(at, at + c.dim(j))).assign(rows);
      at += c.dim(j);
      in = c.feature(j) + 1;
    }
    copy(in, input.size(1), at, out);
    return out;
  }

  /** Copies the input's features [from, to) to the output from {@code at}; returns where the next one goes. */
  private long copy(long from, long to, long at, INDArray out) {
    if (to > from) {
      out.get(NDArrayIndex.all(), NDArrayIndex.interval(at, at + to - from))
          .assign(input.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to)));
    }
    return at + Math.max(0, to - from);
  }

  private int[] indices(int table) {
    CategoryEmbeddings c = layerConf();
    float[] values = input.getColumn(c.feature(table)).toFloatVector();
    int[] indices = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      long index = Math.round(values[i]);
      indices[i] = index >= 0 && index < c.rows(table) ? (int) index : TableEncoding.UNSEEN_INDEX;
    }
    return indices;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    CategoryEmbeddings c = layerConf();
    Gradient gradient = new DefaultGradient();
    long at = 0;
    long in = 0;
    for (int j = 0; j < c.tables(); j++) {
      at += c.feature(j) - in;
      INDArray view = gradientViews.get(CategoryEmbeddings.key(j));
      int dim = c.dim(j);
      double[] delta = epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(at, at + dim))
          .castTo(DataType.DOUBLE).dup('c').data().asDouble();
      int[] indices = indices(j);
      Map<Integer, double[]> sums = new HashMap<>(); // the rows this minibatch used: few, of a table maybe large
      for (int i = 0; i < indices.length; i++) {
        double[] sum = sums.computeIfAbsent(indices[i], row -> new double[dim]);
        for (int k = 0; k < dim; k++) {
          sum[k] += delta[i * dim + k];
        }
      }
      view.assign(0);
      for (Map.Entry<Integer, double[]> row : sums.entrySet()) {
        view.getRow(row.getKey()).assign(Nd4j.createFromArray(row.getValue()).castTo(view.dataType()));
      }
      gradient.gradientForVariable().put(CategoryEmbeddings.key(j), view);
      at += c.dim(j);
      in = c.feature(j) + 1;
    }
    return new Pair<>(gradient, null); // the first layer: nothing below needs a gradient
  }

  @Override
  public boolean isPretrainLayer() {
    return false;
  }

  @Override
  public boolean hasBias() {
    return false;
  }

  @Override
  public boolean hasLayerNorm() {
    return false;
  }
}
