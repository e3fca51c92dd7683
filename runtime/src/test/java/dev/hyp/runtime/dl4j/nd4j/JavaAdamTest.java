package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link JavaAdam} gives libnd4j's {@code adam_updater} bits: the same update and moments, to the bit,
 * step after step, over random gradients (with zeros, negative zeros, tiny and huge values), several
 * lengths and hyperparameters, and iterations up to where the bias corrections vanish; other layouts
 * are left to libnd4j.
 */
class JavaAdamTest {
  private static NativeOpExecutioner stock;

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    assertTrue(Nd4jPatches.inUse().contains(Nd4jPatches.Patch.JAVA_ADAM), Nd4jPatches.inUse().toString());
    stock = new NativeOpExecutioner();
  }

  /** Seeded gradient values of mixed magnitudes, with the edge cases among them. */
  private static float[] gradient(Random random, int n) {
    float[] g = new float[n];
    for (int i = 0; i < n; i++) {
      double scale = Math.pow(10, random.nextInt(9) - 6); // 1e-6 .. 1e2
      g[i] = (float) (random.nextGaussian() * scale);
    }
    if (n > 4) {
      g[0] = 0f;
      g[1] = -0f;
      g[2] = Float.MIN_VALUE;
      g[3] = 3e18f; // its square overflows
    }
    return g;
  }

  /** Steps {@code steps} times on both sides from the same state; every array's bits equal after every step. */
  private static void sameAsLibnd4j(int n, double lr, double beta1, double beta2, double epsilon, int firstIteration,
      int steps, long seed) {
    Random random = new Random(seed);
    INDArray stockU = Nd4j.zeros(DataType.FLOAT, 1, n);
    INDArray stockM = Nd4j.zeros(DataType.FLOAT, 1, n);
    INDArray javaU = Nd4j.zeros(DataType.FLOAT, 1, n);
    INDArray javaM = Nd4j.zeros(DataType.FLOAT, 1, n);
    for (int step = 0; step < steps; step++) {
      int iteration = firstIteration + step;
      float[] g = gradient(random, n);
      INDArray stockG = Nd4j.create(g, new long[] {1, n}, 'c');
      INDArray javaG = Nd4j.create(g, new long[] {1, n}, 'c');
      stock.exec(new AdamUpdater(stockG, stockU, stockM, lr, beta1, beta2, epsilon, iteration));
      AdamUpdater op = new AdamUpdater(javaG, javaU, javaM, lr, beta1, beta2, epsilon, iteration);
      assertNotNull(JavaAdam.of(op), "the in-place float case is taken");
      Nd4j.getExecutioner().exec(op);
      String where = "n=" + n + " lr=" + lr + " betas=" + beta1 + "," + beta2 + " eps=" + epsilon + " iteration="
          + iteration;
      sameBits(stockG, javaG, "update, " + where);
      sameBits(stockU, javaU, "second moment, " + where);
      sameBits(stockM, javaM, "first moment, " + where);
    }
  }

  private static void sameBits(INDArray expected, INDArray actual, String what) {
    float[] e = expected.data().asFloat();
    float[] a = actual.data().asFloat();
    assertEquals(e.length, a.length, what);
    for (int i = 0; i < e.length; i++) {
      if (Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(a[i])) {
        throw new AssertionError(what + ": element " + i + " libnd4j " + e[i] + " Java " + a[i]);
      }
    }
  }

  @Test
  void dl4jsDefaultsStepAfterStep() {
    sameAsLibnd4j(4099, 1e-3, 0.9, 0.999, 1e-8, 0, 300, 1);
    sameAsLibnd4j(17, 1e-3, 0.9, 0.999, 1e-8, 0, 3000, 2); // the bias corrections' whole early range
    sameAsLibnd4j(1, 1e-3, 0.9, 0.999, 1e-8, 0, 200, 3);
  }

  /** Arrays longer than the heap chunk: every chunk's floats, the last one short or whole. */
  @Test
  void severalChunks() {
    sameAsLibnd4j(3 * JavaAdam.CHUNK + 5, 1e-3, 0.9, 0.999, 1e-8, 0, 20, 8);
    sameAsLibnd4j(2 * JavaAdam.CHUNK, 0.01, 0.9, 0.999, 1e-8, 0, 20, 9);
  }

  @Test
  void otherHyperparameters() {
    sameAsLibnd4j(1000, 0.01, 0.5, 0.6, 1e-4, 0, 100, 4);
    sameAsLibnd4j(1000, 0.1, 0.99, 0.9999, 1e-6, 0, 100, 5);
    sameAsLibnd4j(257, 0.0137, 0.8, 0.95, 0.3, 7, 100, 6);
    sameAsLibnd4j(100, 0.0, 0.9, 0.999, 1e-8, 0, 5, 7); // a zero step size: epsilon instead
  }

  @Test
  void lateIterations() {
    for (int start : new int[] {9_999, 123_456, 16_777_215, 1 << 30, Integer.MAX_VALUE - 3}) {
      sameAsLibnd4j(300, 1e-3, 0.9, 0.999, 1e-8, start, 3, start);
    }
  }

  @Test
  void everyIterationsStepSize() {
    // the scalar alone, through one-element ops whose update is alphaT * m / (sqrt(u) + eps) with m = u = 1 - beta
    for (int iteration = 0; iteration < 20_000; iteration += 7) {
      sameAsLibnd4j(1, 2e-3, 0.9, 0.999, 1e-8, iteration, 1, iteration);
    }
  }

  @Test
  void otherLayoutsAreLeftToLibnd4j() {
    INDArray g = Nd4j.rand(DataType.FLOAT, 4, 6);
    INDArray u = Nd4j.zeros(DataType.FLOAT, 4, 6);
    INDArray m = Nd4j.zeros(DataType.FLOAT, 4, 6);
    assertNotNull(JavaAdam.of(new AdamUpdater(g, u, m, 1e-3, 0.9, 0.999, 1e-8, 0)));
    INDArray strided = Nd4j.rand(DataType.FLOAT, 4, 12).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 12));
    assertNull(JavaAdam.of(new AdamUpdater(strided, u, m, 1e-3, 0.9, 0.999, 1e-8, 0)), "a strided gradient");
    INDArray fOrder = Nd4j.zeros(DataType.FLOAT, 4, 6).dup('f');
    assertNull(JavaAdam.of(new AdamUpdater(g, fOrder, m, 1e-3, 0.9, 0.999, 1e-8, 0)), "another order");
    INDArray doubles = Nd4j.rand(DataType.DOUBLE, 4, 6);
    assertNull(JavaAdam.of(new AdamUpdater(doubles, u.castTo(DataType.DOUBLE), m.castTo(DataType.DOUBLE), 1e-3, 0.9,
        0.999, 1e-8, 0)), "doubles");
    INDArray out = Nd4j.zeros(DataType.FLOAT, 4, 6);
    assertNull(JavaAdam.of(new AdamUpdater(g, u, m, out, u, m, 1e-3, 0.9, 0.999, 1e-8, 0)), "not in place");
  }
}
