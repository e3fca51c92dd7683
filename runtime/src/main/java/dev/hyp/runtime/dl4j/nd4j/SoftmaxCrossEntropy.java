package dev.hyp.runtime.dl4j.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sum that DL4J's {@code LossMCXENT.computeScore} takes of {@code labels * log(clip(softmax(z)))}, in one
 * pass in Java, in double: per row the log-softmax {@code (z - max) - log(sum(exp(z - max)))}, clipped below at
 * the log of the clipping epsilon as DL4J clips the softmax. DL4J computes it with eight ND4J ops (a copy of
 * {@code z}, softmax, two {@code replaceWhere}s, log, a product with the labels, a sum) in float, libnd4j's
 * {@code expf}, {@code logf} and summation order: this is within float rounding of that, not the same bits.
 *
 * <p>Public for hyp's output layer, whose training-mode score it computes ({@code dl4j.ReusingOutputLayer}; the
 * switch is its {@code -Dhyp.dl4j.libnd4jTrainingScore=true}).
 */
public final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  /**
   * {@code sum(labels * log(clip(softmax(z), eps, 1 - eps)))} over every element, with softmax along each row of
   * the float matrices {@code labels} and {@code z} of one shape; NaN when {@code z} or {@code labels} hold NaN
   * (as DL4J's is), and {@link Double#NaN} too when the arrays are not float matrices of one shape, which
   * {@link #takes} rules out first.
   */
  public static double sum(INDArray labels, INDArray z, double clipEpsilon) {
    FloatMemory y = FloatMemory.of(labels);
    FloatMemory x = FloatMemory.of(z);
    if (x == null || y == null || x.shape().length != 2 || !java.util.Arrays.equals(x.shape(), y.shape())) {
      return Double.NaN;
    }
    int rows = x.size(0);
    int cols = x.size(1);
    double floor = Math.log((float) clipEpsilon); // DL4J puts epsilon into the float softmax
    double ceiling = Math.log((float) (1.0 - clipEpsilon));
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      int xi = r * x.stride(0);
      int yi = r * y.stride(0);
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < cols; c++) {
        float v = x.data().get(xi + c * x.stride(1));
        max = v > max || Float.isNaN(v) ? v : max; // a NaN stays, as it does through DL4J's softmax
      }
      double exps = 0;
      for (int c = 0; c < cols; c++) {
        exps += Math.exp((double) x.data().get(xi + c * x.stride(1)) - max);
      }
      double logExps = Math.log(exps);
      for (int c = 0; c < cols; c++) {
        double logP = ((double) x.data().get(xi + c * x.stride(1)) - max) - logExps;
        if (logP < floor) {
          logP = floor;
        } else if (logP > ceiling) {
          logP = ceiling;
        }
        sum += y.data().get(yi + c * y.stride(1)) * logP;
      }
    }
    return sum;
  }

  /** Whether {@link #sum} takes these arrays: float matrices of one shape in ND4J's CPU memory. */
  public static boolean takes(INDArray labels, INDArray z) {
    return labels != null && z != null && labels.rank() == 2 && z.rank() == 2
        && labels.size(0) == z.size(0) && labels.size(1) == z.size(1) && z.size(1) >= 1
        && FloatMemory.of(labels) != null && FloatMemory.of(z) != null;
  }
}
