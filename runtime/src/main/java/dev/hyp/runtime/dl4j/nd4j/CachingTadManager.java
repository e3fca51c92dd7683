package dev.hyp.runtime.dl4j.nd4j;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.cpu.nativecpu.CpuTADManager;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's CPU TAD manager with a cache. In ND4J 1.0.0-M2.1, {@link CpuTADManager} asks libnd4j for
 * the tensor-along-dimension shape and offsets on every broadcast and reduction (a bias add, a
 * column sum): a JNI call, a JavaCPP {@code IntPointer} freed only through JavaCPP's
 * garbage-collected deallocator, and two ND4J buffers tracked by its deallocator threads. libnd4j
 * caches the answer itself; here it is kept on the Java side too, keyed by the array's shape info
 * and the dimensions, so a repeated op allocates nothing native (docs/performance.md). The cached
 * buffers are libnd4j's constant TAD buffers, never written. At most {@link #MAX_ENTRIES} entries.
 */
final class CachingTadManager extends CpuTADManager {
  static final int MAX_ENTRIES = 100_000;

  private final Map<Key, Pair<DataBuffer, DataBuffer>> cache = new ConcurrentHashMap<>();

  private record Key(long[] shapeInfo, int[] dimensions) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(k.shapeInfo, shapeInfo) && Arrays.equals(k.dimensions, dimensions);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(shapeInfo) * 31 + Arrays.hashCode(dimensions);
    }
  }

  @Override
  public Pair<DataBuffer, DataBuffer> getTADOnlyShapeInfo(INDArray array, int... dimension) {
    if (dimension != null && dimension.length > 1) {
      Arrays.sort(dimension); // as the parent does, in place
    }
    int[] dims = dimension == null ? new int[] {Integer.MAX_VALUE} : dimension.clone();
    Key key = new Key(array.shapeInfoJava().clone(), dims);
    Pair<DataBuffer, DataBuffer> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Pair<DataBuffer, DataBuffer> created = super.getTADOnlyShapeInfo(array, dims.clone());
    if (cache.size() < MAX_ENTRIES) {
      Pair<DataBuffer, DataBuffer> raced = cache.putIfAbsent(key, created);
      return raced != null ? raced : created;
    }
    return created;
  }

  /** How many entries are cached. */
  int size() {
    return cache.size();
  }

  @Override
  public void purgeBuffers() {
    super.purgeBuffers();
    cache.clear();
  }

  /**
   * Makes ND4J's CPU executioner use this manager (loading ND4J if needed); does nothing when it
   * already does or when the executioner is not the CPU one. Returns whether it is in use.
   * {@link Nd4jPatches#install} calls it once, after the executioner is chosen.
   */
  static boolean install() {
    OpExecutioner executioner = Nd4j.getExecutioner();
    if (!(executioner instanceof NativeOpExecutioner)) {
      return false;
    }
    if (executioner.getTADManager() instanceof CachingTadManager) {
      return true;
    }
    if (executioner.getTADManager() == null || executioner.getTADManager().getClass() != CpuTADManager.class) {
      return false;
    }
    return Nd4jInternals.replace(NativeOpExecutioner.class, "tadManager", executioner, CachingTadManager::new) != null;
  }
}
