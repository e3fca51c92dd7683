package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.cpu.nativecpu.buffer.BaseCpuDataBuffer;

/**
 * A float array's native memory as Java sees it: a buffer whose index 0 is the array's first
 * element, the array's shape and strides in elements, and that element's address, so that a loop
 * in Java can read and write it in place. Bounds-checked: a wrong index throws instead of touching other memory.
 */
record FloatMemory(FloatBuffer data, long[] shape, long[] stride, long address) {

  /**
   * The memory of {@code array}; null unless it is a float array in ND4J's CPU memory with
   * non-negative strides and at most 2^31 - 1 floats between its first and last element.
   */
  static FloatMemory of(INDArray array) {
    if (array == null || array.dataType() != DataType.FLOAT || array.wasClosed() || array.isEmpty()
        || !(array.data() instanceof BaseCpuDataBuffer buffer)) {
      return null;
    }
    long[] shape = array.shape();
    long[] stride = array.stride();
    long span = 1;
    for (int d = 0; d < shape.length; d++) {
      if (stride[d] < 0) {
        return null;
      }
      span += (shape[d] - 1) * stride[d];
    }
    if (span > Integer.MAX_VALUE) {
      return null;
    }
    Pointer data = buffer.getOpaqueDataBuffer().primaryBuffer(); // the buffer's offset included
    if (data == null || data.isNull()) {
      return null;
    }
    return new FloatMemory(new At(data.address(), span).asBuffer(), shape, stride, data.address());
  }

  /** Whether the elements fill their span with no gap (in whatever order): the span is the length. */
  boolean dense() {
    long length = 1;
    for (long size : shape) {
      length *= size;
    }
    return length == data.capacity();
  }

  /** The same memory as the floats' raw bits: integer loops over it vectorise where float selects do not. */
  IntBuffer bits() {
    return new IntAt(address, data.capacity()).asBuffer();
  }

  /** Whether {@code other} has this one's shape and strides. */
  boolean sameLayout(FloatMemory other) {
    return java.util.Arrays.equals(shape, other.shape) && java.util.Arrays.equals(stride, other.stride);
  }

  int stride(int dimension) {
    return (int) stride[dimension];
  }

  int size(int dimension) {
    return (int) shape[dimension];
  }

  /** {@code ints} ints of memory owned elsewhere (ND4J's buffer), from {@code address}: nothing to free. */
  private static final class IntAt extends IntPointer {
    IntAt(long address, long ints) {
      super((Pointer) null);
      this.address = address;
      this.capacity = ints;
      this.limit = ints;
    }
  }

  /** {@code floats} floats of memory owned elsewhere (ND4J's buffer), from {@code address}: nothing to free. */
  private static final class At extends FloatPointer {
    At(long address, long floats) {
      super((Pointer) null);
      this.address = address;
      this.capacity = floats;
      this.limit = floats;
    }
  }
}
