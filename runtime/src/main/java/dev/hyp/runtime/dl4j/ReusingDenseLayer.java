package dev.hyp.runtime.dl4j;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's dense layer, whose backward pass takes the forward pass's pre-activation ({@link PreOutputReuse}). */
final class ReusingDenseLayer extends DenseLayer {
  private transient PreOutputReuse reuse; // not kept through Java serialization: made again on first use

  ReusingDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
      LayerWorkspaceMgr workspaceMgr) {
    if (!training) {
      return super.preOutputWithPreNorm(false, forBackprop, workspaceMgr);
    }
    INDArray z = reuse().take();
    if (z != null) {
      return new Pair<>(z, z);
    }
    Pair<INDArray, INDArray> computed = super.preOutputWithPreNorm(true, forBackprop, workspaceMgr);
    if (!forBackprop) {
      reuse().keep(computed.getFirst()); // the forward pass's, before its activation overwrites it
    }
    return computed;
  }

  @Override
  public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
    reuse().forget();
    super.setInput(input, workspaceMgr);
  }

  @Override
  public void clear() {
    reuse().forget();
    super.clear();
  }

  @Override
  public void setParams(INDArray params) {
    reuse().forget();
    super.setParams(params);
  }

  @Override
  public void setParam(String key, INDArray val) {
    reuse().forget();
    super.setParam(key, val);
  }

  private PreOutputReuse reuse() {
    if (reuse == null) {
      reuse = new PreOutputReuse();
    }
    return reuse;
  }
}
