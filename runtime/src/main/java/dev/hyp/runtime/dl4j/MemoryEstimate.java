package dev.hyp.runtime.dl4j;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.conf.memory.NetworkMemoryReport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The native memory a trial needs before its first epoch, from the configuration alone (nothing
 * is allocated): DL4J's own memory report for training ({@code getMemoryReport}: parameters,
 * their gradients, the updater's state, and one minibatch's activations, their gradients and
 * working memory), once per network (k-fold trains k), plus the copy of the best epoch's weights
 * early stopping keeps, the trainer's reused minibatch arrays ({@link Minibatches}: the training rows
 * themselves are the data's, shared, and not copied per trial), and what the report
 * leaves out for image layers. DL4J's parameter count is exact; the activations are its estimate,
 * within 5% of the resident memory measured on dense networks, and about half of it on CNNs
 * before the correction here.
 *
 * @param bytes the whole trial's need
 * @param batch the minibatch it assumed
 * @param networks the networks that train at once (the folds)
 */
public record MemoryEstimate(long bytes, int batch, int networks) {

  /**
   * @param batch the minibatch, at most the training rows
   * @param keepsBest whether early stopping keeps a copy of the best weights
   * @param rowBytes one training row's features and labels (a minibatch array holds {@code batch} of them)
   */
  public static MemoryEstimate of(MultiLayerConfiguration conf, InputShape input, int batch, int networks,
      boolean keepsBest, long rowBytes) {
    NetworkMemoryReport report = conf.getMemoryReport(input.toInputType());
    long network = report.getTotalMemoryBytes(batch, MemoryUseMode.TRAINING, CacheMode.NONE, DataType.FLOAT);
    long parameters = report.getMemoryBytes(MemoryType.PARAMETERS, batch, MemoryUseMode.TRAINING, CacheMode.NONE,
        DataType.FLOAT);
    long perNetwork = network + (keepsBest ? parameters : 0) + 2 * batch * rowBytes
        + convolutionExtra(conf, input, batch) + keptForBackward(conf, input, batch);
    return new MemoryEstimate(saturatedTimes(perNetwork, networks), batch, networks);
  }

  /**
   * What DL4J's report leaves out for layers with image outputs (conv2d, pools, batchnorm on
   * images): measured, a 1-3 layer CNN on 28x28 images at batch 64 grew by DL4J's figure plus about
   * {@link #CONVOLUTION_EXTRA_ARRAYS} arrays of each such layer's output (docs/performance.md, "Memory").
   */
  private static long convolutionExtra(MultiLayerConfiguration conf, InputShape input, int batch) {
    long elements = 0;
    for (InputType type : conf.getLayerActivationTypes(input.toInputType())) {
      if (type instanceof InputType.InputTypeConvolutional) {
        elements += type.arrayElementsPerExample();
      }
    }
    return elements * batch * Float.BYTES * CONVOLUTION_EXTRA_ARRAYS;
  }

  /**
   * What hyp's convolution layers keep from a training forward pass for the backward pass, between steps
   * ({@link ConvolutionReuse}): each one's pre-activation (its output's size) and its im2col columns
   * (input channels x kernel area per output pixel). Nothing when the switch keeps DL4J's layer.
   */
  static long keptForBackward(MultiLayerConfiguration conf, InputShape input, int batch) {
    if (!ConvolutionReuse.enabled()) {
      return 0;
    }
    var outputs = conf.getLayerActivationTypes(input.toInputType());
    long elements = 0;
    for (int i = 0; i < conf.getConfs().size(); i++) {
      if (conf.getConf(i).getLayer().getClass() == org.deeplearning4j.nn.conf.layers.ConvolutionLayer.class
          && outputs.get(i) instanceof InputType.InputTypeConvolutional output) {
        var layer = (org.deeplearning4j.nn.conf.layers.ConvolutionLayer) conf.getConf(i).getLayer();
        long pixels = output.getHeight() * output.getWidth();
        elements += output.arrayElementsPerExample()
            + layer.getNIn() * layer.getKernelSize()[0] * layer.getKernelSize()[1] * pixels;
      }
    }
    return elements * batch * Float.BYTES;
  }

  /** Output-sized arrays per image layer and example beyond DL4J's report (measured: 3.5 to 5). */
  static final int CONVOLUTION_EXTRA_ARRAYS = 5;

  /** DL4J's parameter count of {@code conf}, as {@code MultiLayerNetwork.numParams()} gives it after init. */
  public static long parameters(MultiLayerConfiguration conf) {
    long count = 0;
    for (var layer : conf.getConfs()) {
      count += layer.getLayer().initializer().numParams(layer);
    }
    return count;
  }

  /** Fails, with what to do, when the trial needs more than {@code budget} gives one trial. */
  public void check(MemoryBudget budget) {
    if (bytes > budget.perTrial()) {
      throw new TrainingFailedException("needs about " + MachineMemory.format(bytes) + " for its "
          + (networks == 1 ? "network" : networks + " networks (one per fold)") + " and a batch of " + batch
          + ", more than the " + MachineMemory.format(budget.perTrial()) + " a trial may use (" + budget.describe()
          + "); lower units or batch" + (budget.trialsAtOnce() > 1 ? ", or run fewer at once" : "")
          + " (docs/performance.md, \"Memory\")");
    }
  }

  private static long saturatedTimes(long a, int b) {
    return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }
}
