package dev.hyp.runtime.dl4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of {@link CategoryEmbeddings}: one {@code rows x dim} table per embedded column,
 * views of the network's flat parameters in DL4J's weight order. A table starts from the
 * network's weight init (fan-in its rows, fan-out its dim, as DL4J's own embedding layer), its
 * reserved row 0 at zero.
 */
final class CategoryEmbeddingsParams implements ParamInitializer {
  static final CategoryEmbeddingsParams INSTANCE = new CategoryEmbeddingsParams();

  private CategoryEmbeddingsParams() {}

  @Override
  public long numParams(NeuralNetConfiguration conf) {
    return numParams(conf.getLayer());
  }

  @Override
  public long numParams(Layer layer) {
    CategoryEmbeddings c = (CategoryEmbeddings) layer;
    long n = 0;
    for (int j = 0; j < c.tables(); j++) {
      n += (long) c.rows(j) * c.dim(j);
    }
    return n;
  }

  @Override
  public List<String> paramKeys(Layer layer) {
    return weightKeys(layer);
  }

  @Override
  public List<String> weightKeys(Layer layer) {
    List<String> keys = new ArrayList<>();
    for (int j = 0; j < ((CategoryEmbeddings) layer).tables(); j++) {
      keys.add(CategoryEmbeddings.key(j));
    }
    return keys;
  }

  @Override
  public List<String> biasKeys(Layer layer) {
    return Collections.emptyList();
  }

  @Override
  public boolean isWeightParam(Layer layer, String key) {
    return weightKeys(layer).contains(key);
  }

  @Override
  public boolean isBiasParam(Layer layer, String key) {
    return false;
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
    CategoryEmbeddings c = (CategoryEmbeddings) conf.getLayer();
    if (paramsView.length() != numParams(c)) {
      throw new IllegalStateException("expected " + numParams(c) + " parameters, got " + paramsView.length());
    }
    INDArray flat = paramsView.reshape(paramsView.length());
    Map<String, INDArray> params = Collections.synchronizedMap(new LinkedHashMap<>());
    long offset = 0;
    for (int j = 0; j < c.tables(); j++) {
      long[] shape = {c.rows(j), c.dim(j)};
      INDArray view = flat.get(NDArrayIndex.interval(offset, offset + shape[0] * shape[1]));
      INDArray table;
      if (initializeParams) {
        table = c.getWeightInitFn().init(shape[0], shape[1], shape, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, view);
        table.getRow(0).assign(0); // the unseen row: no learned direction until training uses it
      } else {
        table = WeightInitUtil.reshapeWeights(shape, view);
      }
      params.put(CategoryEmbeddings.key(j), table);
      conf.addVariable(CategoryEmbeddings.key(j));
      offset += shape[0] * shape[1];
    }
    return params;
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    CategoryEmbeddings c = (CategoryEmbeddings) conf.getLayer();
    INDArray flat = gradientView.reshape(gradientView.length());
    Map<String, INDArray> out = new LinkedHashMap<>();
    long offset = 0;
    for (int j = 0; j < c.tables(); j++) {
      long n = (long) c.rows(j) * c.dim(j);
      out.put(CategoryEmbeddings.key(j), flat.get(NDArrayIndex.interval(offset, offset + n))
          .reshape(IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, c.rows(j), c.dim(j)));
      offset += n;
    }
    return out;
  }
}
