package dev.hyp.runtime.dl4j.nd4j;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.ShapeInfoProvider;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's CPU shape-info provider with a cache on the path every new array takes.
 *
 * <p>In ND4J 1.0.0-M2.1, {@code BaseNDArray}'s constructors ask the provider for
 * {@code createShapeInformation(shape, stride, ews, order, dataType, empty)}, an overload that
 * {@link DirectShapeInfoProvider} does not cache: each call allocates two JavaCPP
 * {@code LongPointer}s (shape and stride) and a JNI call, and libnd4j hands back a constant buffer
 * it has cached anyway. The pointers are freed only through JavaCPP's garbage-collected
 * deallocator, whose {@code PhantomReference}s sit in one global linked list: for the tiny arrays of
 * a small network, hundreds of thousands of them per second, and a linked list is walked by one GC
 * thread while every trial thread waits (docs/performance.md). Here the answer for a given shape
 * is cached, so a repeated shape costs a map lookup and allocates nothing native.
 *
 * <p>The cached buffers are ND4J's constant shape buffers (marked constant, never written); the
 * parent class already shares them the same way on its other overload. At most {@link #MAX_ENTRIES}
 * shapes are kept; past that, shapes are created as before.
 */
final class CachingShapeInfoProvider extends DirectShapeInfoProvider {
  static final int MAX_ENTRIES = 100_000;

  private final Map<Key, Pair<DataBuffer, long[]>> cache = new ConcurrentHashMap<>();

  private record Key(long[] shape, long[] stride, long ews, char order, DataType dataType, boolean empty) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.ews == ews && k.order == order && k.dataType == dataType && k.empty == empty
          && Arrays.equals(k.shape, shape) && Arrays.equals(k.stride, stride);
    }

    @Override
    public int hashCode() {
      int h = Arrays.hashCode(shape) * 31 + Arrays.hashCode(stride);
      h = h * 31 + Long.hashCode(ews);
      h = h * 31 + order;
      h = h * 31 + dataType.ordinal();
      return h * 2 + (empty ? 1 : 0);
    }
  }

  @Override
  public Pair<DataBuffer, long[]> createShapeInformation(long[] shape, long[] stride, long elementWiseStride,
      char order, DataType dataType, boolean empty) {
    Key key = new Key(shape.clone(), stride.clone(), elementWiseStride, order, dataType, empty);
    Pair<DataBuffer, long[]> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Pair<DataBuffer, long[]> created = super.createShapeInformation(shape, stride, elementWiseStride, order,
        dataType, empty);
    if (cache.size() < MAX_ENTRIES) {
      Pair<DataBuffer, long[]> raced = cache.putIfAbsent(key, created);
      return raced != null ? raced : created;
    }
    return created;
  }

  /** How many shapes are cached. */
  int size() {
    return cache.size();
  }

  @Override
  public void purgeCache() {
    super.purgeCache();
    cache.clear();
  }

  /**
   * Makes ND4J use this provider (loading ND4J if needed); does nothing when it already does or
   * when ND4J's provider is not the CPU one it extends. Returns whether it is in use.
   * {@link Nd4jPatches#install} calls it once.
   */
  static boolean install() {
    ShapeInfoProvider current = Nd4j.getShapeInfoProvider();
    if (current instanceof CachingShapeInfoProvider) {
      return true;
    }
    if (current == null || current.getClass() != DirectShapeInfoProvider.class) {
      return false;
    }
    return Nd4jInternals.replace(Nd4j.class, "shapeInfoProvider", null, CachingShapeInfoProvider::new) != null;
  }
}
