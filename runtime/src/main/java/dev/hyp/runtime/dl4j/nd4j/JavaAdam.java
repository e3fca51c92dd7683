package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.Pow;
import org.nd4j.linalg.factory.Nd4j;

/**
 * libnd4j's {@code adam_updater} op on floats, in Java. DL4J's {@code AdamUpdater} runs it once per
 * training step over the network's whole flat gradient view, in place (the update written over the
 * gradient, the two moments over their state views); libnd4j's generic build runs it as a scalar
 * loop with a square root and a division per element, a fifth to a quarter of a small network's
 * native time. Here the three arrays are copied into heap arrays a chunk at a time ({@link #CHUNK}),
 * where C2 vectorises the same float arithmetic, and back.
 *
 * <p>The arithmetic is libnd4j 1.0.0-M2.1's {@code adamUpdater_} (helpers/cpu/updaterAdam.cpp)
 * operation by operation, in float, without fused multiply-adds (the generic build targets
 * baseline x86-64, which has none): per element {@code m = beta1 * m + g * (1 - beta1)},
 * {@code u = beta2 * u + g * g * (1 - beta2)}, {@code update = (m * alphaT) / (sqrt(u) + epsilon)},
 * with {@code alphaT = lr * sqrt(1 - beta2^(t+1)) / (1 - beta1^(t+1))} computed with libnd4j's mix
 * of float and double and libnd4j's own float power (see {@link #stepSize}). {@code JavaAdamTest}
 * holds it to the op's bits.
 *
 * <p>Only the case DL4J uses is taken: three float inputs (gradient, second moment, first moment)
 * of one length with unit element stride and one order, the outputs the same arrays (in place), the
 * four hyperparameters as scalars and the iteration as the one integer argument. Anything else is
 * left to libnd4j.
 */
final class JavaAdam {
  private JavaAdam() {}

  /**
   * The floats of each array taken into the heap at a time: 3 x 16 KB, which stay in a core's caches between
   * their copy in, the loop and their copy out. A whole network's arrays at once (3 x 600 KB for 256-unit layers)
   * left them in between; two trials at once, which share the memory's bandwidth, took about 3% less time in
   * chunks (docs/performance.md, "Fourteenth session"). The same floats either way: the loop is element-wise.
   */
  static final int CHUNK = 4096;

  /** Heap copies reused by each thread. */
  private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][CHUNK]);

  /** The op's computation when it is the in-place float case; null when libnd4j must run it. */
  static Runnable of(CustomOp op) {
    if (!"adam_updater".equals(op.opName())) {
      return null;
    }
    List<INDArray> inputs = op.inputArguments();
    List<INDArray> outputs = op.outputArguments();
    double[] scalars = op.tArgs();
    long[] integers = op.iArgs();
    if (inputs.size() != 3 || outputs.size() != 3 || scalars.length != 4 || integers.length != 1) {
      return null;
    }
    INDArray gradient = inputs.get(0);
    long length = gradient.length();
    char order = gradient.ordering();
    FloatMemory[] memory = new FloatMemory[3];
    for (int i = 0; i < 3; i++) {
      INDArray in = inputs.get(i);
      if (outputs.get(i) != in) {
        return null; // not in place: libnd4j's
      }
      if (in.length() != length || in.ordering() != order || in.elementWiseStride() != 1
          || length > Integer.MAX_VALUE) {
        return null;
      }
      memory[i] = FloatMemory.of(in);
      if (memory[i] == null || !memory[i].dense() || memory[i].data().capacity() != length) {
        return null;
      }
    }
    float lr = (float) scalars[0];
    float beta1 = (float) scalars[1];
    float beta2 = (float) scalars[2];
    float epsilon = (float) scalars[3];
    float alphaT = stepSize(lr, beta1, beta2, epsilon, (int) integers[0]);
    return () -> update(memory[0].data(), memory[1].data(), memory[2].data(), (int) length, beta1, beta2,
        epsilon, alphaT);
  }

  /**
   * libnd4j's {@code epsilonT}: the iteration and the powers in float ({@code sd_pow<T, T, T>}), the
   * square root's argument {@code 1. - beta2T} a double converted to float ({@code sd_sqrt<T, T>}),
   * {@code lr * sqrt} in float, then divided by the double {@code 1.0 - beta1T} and rounded to float;
   * epsilon itself when that is NaN, infinite or zero.
   */
  static float stepSize(float lr, float beta1, float beta2, float epsilon, int iteration) {
    float[] powers = powers(beta1, beta2, (float) iteration + 1);
    float beta1T = powers[0];
    float beta2T = powers[1];
    float root = (float) Math.sqrt((float) (1. - beta2T));
    float alphaT = (float) ((lr * root) / (1.0 - beta1T));
    return Float.isNaN(alphaT) || alphaT == 0 || Float.isInfinite(alphaT) ? epsilon : alphaT;
  }

  /** A two-float array of each thread's, outside any workspace, for {@link #powers}. */
  private static final ThreadLocal<INDArray> POWERS = ThreadLocal.withInitial(() -> {
    try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      return Nd4j.create(DataType.FLOAT, 2);
    }
  });

  /**
   * {@code beta1^exponent} and {@code beta2^exponent} as libnd4j's float power gives them: computed by
   * libnd4j's own scalar {@code pow} op (the same {@code sd_pow} on floats), since it is not the
   * correctly rounded power that Java's {@code Math.pow} rounded to float gives (0.99^349: 0.029969838
   * against 0.029969836, in about 0.3% of the exponents). One two-element op per step.
   */
  private static float[] powers(float beta1, float beta2, float exponent) {
    INDArray bases = POWERS.get();
    bases.putScalar(0, beta1);
    bases.putScalar(1, beta2);
    Nd4j.getExecutioner().exec(new Pow(bases, bases, exponent));
    return new float[] {bases.getFloat(0), bases.getFloat(1)};
  }

  private static void update(FloatBuffer gradientMemory, FloatBuffer secondMemory, FloatBuffer firstMemory,
      int n, float beta1, float beta2, float epsilon, float alphaT) {
    float[][] scratch = SCRATCH.get();
    float[] g = scratch[0];
    float[] u = scratch[1];
    float[] m = scratch[2];
    for (int from = 0; from < n; from += CHUNK) {
      int length = Math.min(CHUNK, n - from);
      gradientMemory.get(from, g, 0, length);
      secondMemory.get(from, u, 0, length);
      firstMemory.get(from, m, 0, length);
      moments(g, u, m, length, beta1, beta2, epsilon, alphaT);
      gradientMemory.put(from, g, 0, length);
      secondMemory.put(from, u, 0, length);
      firstMemory.put(from, m, 0, length);
    }
  }

  /** The loop, over heap arrays so that C2 vectorises it: the update replaces the gradient. */
  static void moments(float[] g, float[] u, float[] m, int n, float beta1, float beta2, float epsilon,
      float alphaT) {
    float oneMinusBeta1 = 1 - beta1;
    float oneMinusBeta2 = 1 - beta2;
    for (int i = 0; i < n; i++) {
      float gi = g[i];
      float mi = beta1 * m[i] + gi * oneMinusBeta1;
      float ui = beta2 * u[i] + gi * gi * oneMinusBeta2;
      m[i] = mi;
      u[i] = ui;
      g[i] = (mi * alphaT) / ((float) Math.sqrt(ui) + epsilon);
    }
  }
}
