package dev.hyp.runtime.dl4j.nd4j;

import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.cpu.nativecpu.buffer.BaseCpuDataBuffer;

/**
 * ND4J's {@code matmul} op on float matrices, run by calling OpenBLAS's {@code cblas_sgemm} straight
 * from Java with exactly the arguments libnd4j passes it (its {@code MmulHelper::mmulMxM}: the same
 * order, transposes and leading dimensions, on the same OpenBLAS), so the product is the same to the
 * bit. It skips what libnd4j does around the call: an op context holding the three arrays, each
 * looked up in libnd4j's shared shape cache. For a dense layer's 32x30 by 30x64 product that costs
 * 4.5 us against 1.8 us for the product itself, and a training step has three products per layer.
 *
 * <p>Only the plain case is taken: two float matrices and a float result, every dimension above 1,
 * each matrix with a unit stride along one axis (so libnd4j would not copy it first), and the
 * result not transposed. Anything else is left to ND4J.
 *
 * <p>{@link PooledContextExecutioner} asks it first for each custom op, unless {@code
 * -Dhyp.nd4j.libnd4jMatmul=true} leaves every product to libnd4j ({@link Nd4jPatches.Patch#DIRECT_MATMUL}).
 */
final class DirectMatmul {
  private DirectMatmul() {}

  /** The product {@code op} asks for when it is a matmul of the plain case; null when ND4J must run it. */
  static Product of(CustomOp op) {
    if (!"matmul".equals(op.opName()) || op.isInplaceCall()) {
      return null;
    }
    List<INDArray> inputs = op.inputArguments();
    List<INDArray> outputs = op.outputArguments();
    if (inputs.size() != 2 || outputs.size() != 1) {
      return null;
    }
    long[] flags = op.iArgs();
    double[] scalars = op.tArgs();
    if (flags.length > 3 || (flags.length == 3 && flags[2] != 0) || scalars.length > 2) {
      return null; // a transposed result, or arguments this class does not know
    }
    Matrix a = Matrix.of(inputs.get(0), flags.length > 0 && flags[0] != 0);
    Matrix b = Matrix.of(inputs.get(1), flags.length > 1 && flags[1] != 0);
    Matrix c = Matrix.of(outputs.get(0), false);
    if (a == null || b == null || c == null
        || a.cols != b.rows || c.rows != a.rows || c.cols != b.cols) {
      return null;
    }
    double alpha = scalars.length > 0 ? scalars[0] : 1.0;
    double beta = scalars.length > 1 ? scalars[1] : 0.0;
    return new Product(a, b, c, (float) alpha, (float) beta);
  }

  /** C = alpha * A x B + beta * C. */
  record Product(Matrix a, Matrix b, Matrix c, float alpha, float beta) {

    /** libnd4j's call, for matrices that need no copy first. */
    void run() {
      long m = a.rows;
      long k = a.cols;
      long n = b.cols;
      boolean aAlongM = a.rowStride == 1;
      boolean aAlongK = a.colStride == 1;
      boolean bAlongK = b.rowStride == 1;
      boolean bAlongN = b.colStride == 1;
      boolean cAlongM = c.rowStride == 1;
      boolean cAlongN = c.colStride == 1;
      int order = cAlongM ? openblas_nolapack.CblasColMajor : openblas_nolapack.CblasRowMajor;
      boolean transA = aAlongM != cAlongM;
      boolean transB = bAlongK != cAlongM;
      long lda = aAlongM && aAlongK ? m : !aAlongM ? a.rowStride : a.colStride;
      long ldb = bAlongK && bAlongN ? k : !bAlongK ? b.rowStride : b.colStride;
      long ldc = cAlongM && cAlongN ? m : !cAlongM ? c.rowStride : c.colStride;
      openblas_nolapack.cblas_sgemm(order,
          transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
          transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
          (int) m, (int) n, (int) k, alpha, new At(a.address), (int) lda, new At(b.address), (int) ldb,
          beta, new At(c.address), (int) ldc);
    }
  }

  /** A float matrix as BLAS sees it: sizes, strides in elements and the address of its first element. */
  record Matrix(long rows, long cols, long rowStride, long colStride, long address) {

    /** The matrix, transposed if asked; null unless it is a float matrix BLAS can read in place. */
    static Matrix of(INDArray array, boolean transposed) {
      if (array.rank() != 2 || array.dataType() != DataType.FLOAT || array.wasClosed()
          || !(array.data() instanceof BaseCpuDataBuffer buffer)) {
        return null;
      }
      long rows = array.size(transposed ? 1 : 0);
      long cols = array.size(transposed ? 0 : 1);
      long rowStride = array.stride(transposed ? 1 : 0);
      long colStride = array.stride(transposed ? 0 : 1);
      if (rows < 2 || cols < 2 || !(rowStride == 1 && colStride >= rows || colStride == 1 && rowStride >= cols)) {
        return null; // a vector, or a layout libnd4j copies first
      }
      Pointer data = buffer.getOpaqueDataBuffer().primaryBuffer(); // the buffer's offset included
      if (data == null || data.isNull()) {
        return null;
      }
      return new Matrix(rows, cols, rowStride, colStride, data.address());
    }
  }

  /** A pointer to memory owned elsewhere (ND4J's buffer): nothing to free. */
  private static final class At extends FloatPointer {
    At(long address) {
      super((Pointer) null);
      this.address = address;
    }
  }
}
