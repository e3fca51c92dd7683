package dev.hyp.runtime.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A network's inference output and loss over a whole validation or test part, computed a block of
 * rows at a time, so that a convolution's im2col array stays a block's size (one pass over 4,000
 * 28x28 images would build one of 450 MB). Each row's output depends on that row alone, but the
 * products under it round differently for other row counts: values may differ from one pass over
 * every row in the last bits (`BatchedOutputTest` bounds it). The blocks are fixed, so the same
 * network and rows always give the same values.
 */
final class BatchedOutput {
  /** Rows per block: large enough that per-op overhead is small, small enough for a CNN's im2col arrays. */
  static final int ROWS = 256;

  private BatchedOutput() {}

  /** {@code net.output(features, false)}, computed {@link #ROWS} rows at a time. */
  static INDArray of(MultiLayerNetwork net, INDArray features) {
    return of(net, features, ROWS);
  }

  /** {@code net.output(features, false)}, computed {@code rows} (at least 2) rows at a time. */
  static INDArray of(MultiLayerNetwork net, INDArray features, int rows) {
    long n = features.size(0);
    if (n <= rows) {
      return net.output(features, false);
    }
    INDArray out = null;
    for (long from = 0; from < n; from = end(from, n, rows)) {
      long to = end(from, n, rows);
      INDArray block = net.output(features.get(rowsOf(features.rank(), from, to)), false);
      if (out == null) {
        long[] shape = block.shape().clone();
        shape[0] = n;
        out = Nd4j.create(block.dataType(), shape, 'c');
      }
      out.get(rowsOf(out.rank(), from, to)).assign(block);
    }
    return out;
  }

  /**
   * The loss function's mean over the part's rows ({@code net.score(part, false)}, which adds the
   * l1/l2 terms once), from blocks of {@link #ROWS} rows weighted by their size; a part with masks
   * (sequences) in one pass.
   */
  static double score(MultiLayerNetwork net, DataSet part) {
    return score(net, part, ROWS);
  }

  /** {@link #score(MultiLayerNetwork, DataSet)} in blocks of {@code rows} rows. */
  static double score(MultiLayerNetwork net, DataSet part, int rows) {
    long n = part.getFeatures().size(0);
    if (n <= rows || part.getFeaturesMaskArray() != null || part.getLabelsMaskArray() != null) {
      return net.score(part, false);
    }
    double regularization = net.calcRegularizationScore(true);
    double sum = 0;
    for (long from = 0; from < n; from = end(from, n, rows)) {
      long to = end(from, n, rows);
      DataSet block = new DataSet(part.getFeatures().get(rowsOf(part.getFeatures().rank(), from, to)),
          part.getLabels().get(rowsOf(part.getLabels().rank(), from, to)));
      sum += (net.score(block, false) - regularization) * (to - from);
    }
    return sum / n + regularization;
  }

  /**
   * One inference pass over {@code part} ({@link #of}), which also keeps each block's pre-activation of the
   * output layer when it is hyp's ({@link ReusingOutputLayer}) and the part has no masks: then {@link
   * PartOutput#score} is {@link #score}'s value, to the bit, without a second pass.
   */
  static PartOutput pass(MultiLayerNetwork net, DataSet part) {
    return pass(net, part, ROWS);
  }

  /** {@link #pass(MultiLayerNetwork, DataSet)} in blocks of {@code rows} rows. */
  static PartOutput pass(MultiLayerNetwork net, DataSet part, int rows) {
    boolean masked = part.getFeaturesMaskArray() != null || part.getLabelsMaskArray() != null;
    if (masked || !(net.getOutputLayer() instanceof ReusingOutputLayer layer)) {
      return new PartOutput(net, part, of(net, part.getFeatures(), rows), null, rows);
    }
    List<INDArray> preOutputs = new ArrayList<>();
    layer.keepInferencePreOutputs(preOutputs);
    INDArray out;
    try {
      out = of(net, part.getFeatures(), rows);
    } finally {
      layer.keepInferencePreOutputs(null);
    }
    return new PartOutput(net, part, out, preOutputs, rows);
  }

  /**
   * {@link #score(MultiLayerNetwork, DataSet, int)} from the output layer's kept pre-activations, one per
   * block of {@code rows} rows: each block's score as {@code net.score(block, false)} computes it, then the
   * same weighted mean.
   */
  static double score(MultiLayerNetwork net, DataSet part, List<INDArray> preOutputs, int rows) {
    ReusingOutputLayer layer = (ReusingOutputLayer) net.getOutputLayer();
    long n = part.getFeatures().size(0);
    double regularization = net.calcRegularizationScore(true);
    if (n <= rows) {
      return layer.scoreOf(preOutputs.get(0), part.getLabels(), regularization);
    }
    double sum = 0;
    int block = 0;
    for (long from = 0; from < n; from = end(from, n, rows)) {
      long to = end(from, n, rows);
      INDArray labels = part.getLabels().get(rowsOf(part.getLabels().rank(), from, to));
      sum += (layer.scoreOf(preOutputs.get(block++), labels, regularization) - regularization) * (to - from);
    }
    return sum / n + regularization;
  }

  /** How many blocks of {@code rows} rows {@link #of} computes {@code n} rows in. */
  static int blocks(long n, int rows) {
    int count = 0;
    for (long from = 0; from < n; from = end(from, n, rows)) {
      count++;
    }
    return count;
  }

  /** A block's end: never a last block of one row (a product with one row is a matrix-vector product). */
  private static long end(long from, long n, int rows) {
    long to = Math.min(n, from + rows);
    return n - to == 1 ? n : to;
  }

  private static INDArrayIndex[] rowsOf(int rank, long from, long to) {
    INDArrayIndex[] index = new INDArrayIndex[rank];
    index[0] = NDArrayIndex.interval(from, to);
    for (int d = 1; d < rank; d++) {
      index[d] = NDArrayIndex.all();
    }
    return index;
  }
}
