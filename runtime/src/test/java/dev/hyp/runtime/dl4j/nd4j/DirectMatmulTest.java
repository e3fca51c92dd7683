package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link DirectMatmul} computes what libnd4j's matmul computes, bit for bit, in every layout it
 * takes (c and f order, transposed arguments, views with offsets and wide strides, alpha and
 * beta), and leaves every other case to ND4J.
 */
class DirectMatmulTest {
  private static NativeOpExecutioner stock;

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all()); // loads ND4J, which a stock executioner needs first
    stock = new NativeOpExecutioner();
  }

  /** A fresh m x n float matrix in the given order with seeded values, or a view with an offset and a wide stride. */
  private static INDArray matrix(long m, long n, char order, boolean view, long seed) {
    Nd4j.getRandom().setSeed(seed);
    if (!view) {
      return Nd4j.rand(DataType.FLOAT, order, m, n).subi(0.5);
    }
    INDArray big = Nd4j.rand(DataType.FLOAT, order, m + 3, n + 5).subi(0.5);
    return big.get(NDArrayIndex.interval(2, 2 + m), NDArrayIndex.interval(1, 1 + n));
  }

  private record Case(String name, Supplier<Mmul> op) {}

  private static List<Case> plainCases() {
    List<Case> cases = new ArrayList<>();
    long m = 7;
    long k = 5;
    long n = 4;
    for (char ao : new char[] {'c', 'f'}) {
      for (char bo : new char[] {'c', 'f'}) {
        for (char co : new char[] {'c', 'f'}) {
          for (boolean view : new boolean[] {false, true}) {
            for (boolean ta : new boolean[] {false, true}) {
              for (boolean tb : new boolean[] {false, true}) {
                String name = "a" + ao + (ta ? "T" : "") + " b" + bo + (tb ? "T" : "") + " c" + co + (view ? " views" : "");
                cases.add(new Case(name, () -> {
                  INDArray a = ta ? matrix(k, m, ao, view, 1) : matrix(m, k, ao, view, 1);
                  INDArray b = tb ? matrix(n, k, bo, view, 2) : matrix(k, n, bo, view, 2);
                  INDArray c = matrix(m, n, co, view, 3);
                  return new Mmul(a, b, c, 0.75, 0.5, MMulTranspose.builder().transposeA(ta).transposeB(tb).build());
                }));
              }
            }
          }
        }
      }
    }
    return cases;
  }

  @Test
  void everyPlainLayoutGivesLibnd4jsBits() {
    for (Case plain : plainCases()) {
      Mmul direct = plain.op().get();
      assertNotNull(DirectMatmul.of(direct), plain.name() + " should take the direct path");
      float[] expected = stock.exec((CustomOp) plain.op().get())[0].dup('c').data().asFloat();
      float[] actual = Nd4j.getExecutioner().exec((CustomOp) direct)[0].dup('c').data().asFloat();
      assertArrayEquals(expected, actual, plain.name());
    }
  }

  @Test
  void gemmAndMmulThroughTheInstalledExecutionerGiveTheStockBits() {
    INDArray a = matrix(32, 30, 'c', false, 4);
    INDArray w = matrix(30, 64, 'f', false, 5);
    INDArray direct = Nd4j.create(DataType.FLOAT, new long[] {32, 64}, 'f');
    Nd4j.gemm(a, w, direct, false, false, 1.0, 0.0);
    INDArray expected = Nd4j.create(DataType.FLOAT, new long[] {32, 64}, 'f');
    stock.exec((CustomOp) new Mmul(a, w, expected, 1.0, 0.0, MMulTranspose.allFalse()));
    assertArrayEquals(expected.data().asFloat(), direct.data().asFloat());
    assertArrayEquals(expected.dup('c').data().asFloat(), a.mmul(w).dup('c').data().asFloat());
  }

  @Test
  void otherCasesAreLeftToNd4j() {
    INDArray a = matrix(6, 3, 'c', false, 6);
    INDArray b = matrix(3, 4, 'c', false, 7);
    INDArray column = matrix(3, 1, 'c', false, 8);
    INDArray doubles = a.castTo(DataType.DOUBLE);
    assertNull(DirectMatmul.of(new Mmul(a, column, Nd4j.create(DataType.FLOAT, 6, 1), 1.0, 0.0, MMulTranspose.allFalse())),
        "a vector");
    assertNull(DirectMatmul.of(new Mmul(doubles, b.castTo(DataType.DOUBLE), Nd4j.create(DataType.DOUBLE, 6, 4), 1.0, 0.0,
        MMulTranspose.allFalse())), "doubles");
    assertNull(DirectMatmul.of(new Mmul(b, a, Nd4j.create(DataType.FLOAT, 6, 4), 1.0, 0.0,
        MMulTranspose.builder().transposeA(true).transposeB(true).transposeResult(true).build())), "a transposed result");
    INDArray everyOther = Nd4j.rand(DataType.FLOAT, 'c', 6, 6).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 6));
    assertNull(DirectMatmul.of(new Mmul(everyOther, b, Nd4j.create(DataType.FLOAT, 6, 4), 1.0, 0.0,
        MMulTranspose.allFalse())), "no unit stride: libnd4j copies it first");
    // and ND4J still computes them
    INDArray product = Nd4j.create(DataType.FLOAT, 6, 1);
    Nd4j.getExecutioner().exec(new Mmul(a, column, product, 1.0, 0.0, MMulTranspose.allFalse()));
    assertEquals(a.getRow(0).mul(column.reshape(3)).sumNumber().floatValue(), product.getFloat(0, 0), 1e-6);
  }
}
