package dev.hyp.runtime.dl4j;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's updater for a {@link MultiLayerNetwork}, taking the path DL4J meant for a network's own
 * gradient. {@code BaseMultiLayerUpdater.update} treats a gradient as "external" (computed by
 * another network) unless {@code gradient.gradient()} is the very array of its gradient view, and
 * in DL4J 1.0.0-M2.1 it never is: {@code DefaultGradient.gradient()} returns a new reshaped view on
 * every call. The external path then slices new views of the parameters and gradients for every
 * variable, twice per step, and for the minibatch division: about half the ND4J arrays of a small
 * network's training step (docs/performance.md). Here a gradient whose array covers exactly the
 * network's gradient view is handed on as that view, so DL4J takes its standard path over the
 * views it prepared once: the same arithmetic on the same memory.
 */
final class OwnGradientUpdater extends MultiLayerUpdater {
  OwnGradientUpdater(MultiLayerNetwork network) {
    super(network);
  }

  @Override
  public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize,
      LayerWorkspaceMgr workspaceMgr) {
    INDArray own = getFlattenedGradientsView();
    INDArray flat = gradient.gradient();
    super.update(sameMemory(flat, own) ? new AsView(gradient, own) : gradient, iteration, epoch, batchSize,
        workspaceMgr);
  }

  /** Whether two arrays are the same contiguous run of the same native memory. */
  static boolean sameMemory(INDArray a, INDArray b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.length() != b.length() || a.dataType() != b.dataType()
        || a.elementWiseStride() != 1 || b.elementWiseStride() != 1 || a.isEmpty() || b.isEmpty()) {
      return false;
    }
    return a.data().addressPointer().address() == b.data().addressPointer().address();
  }

  /** {@code gradient} with its flattened array replaced by the identical view {@code view}. */
  private static final class AsView implements Gradient {
    private final Gradient gradient;
    private final INDArray view;

    AsView(Gradient gradient, INDArray view) {
      this.gradient = gradient;
      this.view = view;
    }

    @Override
    public Map<String, INDArray> gradientForVariable() {
      return gradient.gradientForVariable();
    }

    @Override
    public INDArray gradient(List<String> order) {
      return gradient.gradient(order);
    }

    @Override
    public INDArray gradient() {
      return view;
    }

    @Override
    public void clear() {
      gradient.clear();
    }

    @Override
    public INDArray getGradientFor(String variable) {
      return gradient.getGradientFor(variable);
    }

    @Override
    public INDArray setGradientFor(String variable, INDArray value) {
      return gradient.setGradientFor(variable, value);
    }

    @Override
    public INDArray setGradientFor(String variable, INDArray value, Character flatteningOrder) {
      return gradient.setGradientFor(variable, value, flatteningOrder);
    }

    @Override
    public Character flatteningOrderForVariable(String variable) {
      return gradient.flatteningOrderForVariable(variable);
    }
  }
}
