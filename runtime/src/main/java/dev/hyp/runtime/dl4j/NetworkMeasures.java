package dev.hyp.runtime.dl4j;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The measures of a network a spec can optimise or bound besides its metrics: `params`, known
 * from the configuration before any weight exists, and `latency`, timed on the trained network.
 */
public final class NetworkMeasures {
  static final int WARM_UP = 5;
  static final int TIMED = 21;

  private NetworkMeasures() {}

  /** The network's trainable weights and biases, as DL4J would count them once built. */
  public static long parameters(NetworkBuilder network) {
    return MemoryEstimate.parameters(network.configuration());
  }

  /**
   * Milliseconds to predict one example: the trained network's output for a single row (all zeros:
   * the arithmetic of these layers does not depend on the values), {@value #WARM_UP} calls to warm up,
   * then the median of {@value #TIMED} timed calls, on the thread that ran the trial. Trials that run
   * at once share the cores, so compare latencies of searches with `parallel = 1`.
   */
  public static double latencyMillis(MultiLayerNetwork network, InputShape shape) {
    INDArray row = ExperimentData.features(new float[1][shape.features()], shape);
    for (int i = 0; i < WARM_UP; i++) {
      network.output(row, false);
    }
    double[] millis = new double[TIMED];
    for (int i = 0; i < TIMED; i++) {
      long start = System.nanoTime();
      network.output(row, false);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[TIMED / 2];
  }
}
