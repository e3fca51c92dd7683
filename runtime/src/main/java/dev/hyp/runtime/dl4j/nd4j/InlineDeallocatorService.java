package dev.hyp.runtime.dl4j.nd4j;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.Deallocatable;
import org.nd4j.linalg.api.memory.Deallocator;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.cpu.nativecpu.buffer.BaseCpuDataBuffer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.nativeblas.OpaqueDataBuffer;

/**
 * ND4J's native-memory reclaimer, made cheap enough for the hundreds of thousands of arrays per
 * second a small network's training creates. In ND4J 1.0.0-M2.1 every buffer, even one in a
 * workspace, owns a native wrapper that {@link DeallocatorService} frees once the buffer is
 * garbage. Per buffer it builds two id strings, a deallocator object and a weak reference, files
 * them in a concurrent map under the string id, and routes the reference through a queue whose
 * thread wakes for it. All of that survives the next garbage collection, which copies it; the
 * bookkeeping cost a third of a trial's time (docs/performance.md).
 *
 * <p>Here a buffer costs one small weak reference holding the native wrapper's address, stored in
 * a per-thread chunk of slots, with no queue. After each garbage collection (noticed by a sentinel
 * reference being cleared) a daemon thread walks the chunks and frees the wrappers whose buffers
 * were collected, with the same native call ND4J's deallocator makes. Objects other than CPU
 * buffers keep their own {@link Deallocatable#deallocator()}.
 */
final class InlineDeallocatorService extends DeallocatorService {
  static final int CHUNK = 1024;

  static final int ID_BLOCK = 4096;

  /** How often the daemon looks whether a garbage collection happened. */
  static final long POLL_MILLIS = 20;

  private final NativeOps nativeOps = NativeOpsHolder.getInstance().getDeviceNativeOps();
  private final ConcurrentLinkedQueue<Chunk> chunks = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Chunk[]> current = ThreadLocal.withInitial(() -> new Chunk[1]);
  private final AtomicLong ids = new AtomicLong();
  private final ThreadLocal<long[]> idBlock = ThreadLocal.withInitial(() -> new long[] {0, 0}); // {next, end}
  private volatile long freed; // written by the sweeper only
  private volatile WeakReference<Object> sentinel = new WeakReference<>(new Object());

  /** One buffer: its native wrapper's address, or the deallocator of anything else. */
  private static final class Tracked extends WeakReference<Deallocatable> {
    final long address;
    final Deallocator deallocator;

    Tracked(Deallocatable referent, long address, Deallocator deallocator) {
      super(referent);
      this.address = address;
      this.deallocator = deallocator;
    }
  }

  /** Slots filled in order by one thread; emptied by the sweeper. */
  private static final class Chunk {
    final AtomicReferenceArray<Tracked> slots = new AtomicReferenceArray<>(CHUNK);
    final Thread owner;
    int filled; // written by the owner only
    volatile boolean full;

    Chunk(Thread owner) {
      this.owner = owner;
    }
  }

  private InlineDeallocatorService() {
    Thread sweeper = new Thread(this::sweepAfterEachCollection, "hyp-nd4j-deallocator");
    sweeper.setDaemon(true);
    sweeper.start();
  }

  /**
   * A unique id for every buffer ND4J creates. Ids come in per-thread blocks, so that two trial
   * threads do not fight over one counter hundreds of thousands of times a second.
   */
  @Override
  public long nextValue() {
    long[] block = idBlock.get();
    if (block[0] == block[1]) {
      block[0] = ids.getAndAdd(ID_BLOCK) + 1;
      block[1] = block[0] + ID_BLOCK;
    }
    return block[0]++;
  }

  @Override
  public void pickObject(Deallocatable deallocatable) {
    Tracked tracked;
    if (deallocatable instanceof BaseCpuDataBuffer buffer) {
      OpaqueDataBuffer wrapper = buffer.getOpaqueDataBuffer();
      if (wrapper == null || wrapper.isNull()) {
        return; // nothing native to free
      }
      tracked = new Tracked(deallocatable, wrapper.address(), null);
    } else {
      tracked = new Tracked(deallocatable, 0, deallocatable.deallocator());
    }
    Chunk[] mine = current.get();
    Chunk chunk = mine[0];
    if (chunk == null || chunk.filled == CHUNK) {
      if (chunk != null) {
        chunk.full = true;
      }
      chunk = new Chunk(Thread.currentThread());
      chunks.add(chunk);
      mine[0] = chunk;
    }
    chunk.slots.lazySet(chunk.filled++, tracked);
  }

  /** How many objects this service has freed. */
  long freed() {
    return freed;
  }

  /** Frees what the last garbage collections found unreachable; the sweeper calls it after each. */
  private void sweep() {
    for (Iterator<Chunk> it = chunks.iterator(); it.hasNext(); ) {
      Chunk chunk = it.next();
      boolean sealed = chunk.full || !chunk.owner.isAlive(); // read before the slots
      int live = 0;
      for (int i = 0; i < CHUNK; i++) {
        Tracked tracked = chunk.slots.get(i);
        if (tracked == null) {
          continue;
        }
        if (tracked.refersTo(null)) {
          chunk.slots.lazySet(i, null); // nobody reads a slot again but this thread
          free(tracked);
        } else {
          live++;
        }
      }
      if (sealed && live == 0) {
        it.remove();
      }
    }
  }

  private void free(Tracked tracked) {
    try {
      if (tracked.deallocator != null) {
        tracked.deallocator.deallocate();
      } else {
        wrapper.address(tracked.address);
        nativeOps.deleteDataBuffer(wrapper);
      }
    } catch (RuntimeException e) {
      // as with ND4J's own threads, a failed deallocator leaves that object allocated
    }
    freed++;
  }

  /** The sweeper's one wrapper object, pointed at each native buffer it frees in turn. */
  private final MovableWrapper wrapper = new MovableWrapper();

  private static final class MovableWrapper extends OpaqueDataBuffer {
    MovableWrapper() {
      super((Pointer) null);
    }

    void address(long address) {
      this.address = address;
    }
  }

  private void sweepAfterEachCollection() {
    while (true) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      if (sentinel.refersTo(null)) {
        sentinel = new WeakReference<>(new Object());
        sweep();
      }
    }
  }

  /**
   * Makes ND4J register new buffers here (loading ND4J if needed); buffers registered before stay
   * with ND4J's service, whose threads go on freeing them. Does nothing when ND4J's automatic
   * deallocation was turned off (its {@code nopointergc} properties) or its classes differ.
   * Returns whether this service is in use. {@link Nd4jPatches#install} calls it once.
   */
  static boolean install() {
    if (Boolean.getBoolean("org.bytedeco.javacpp.nopointergc") || Boolean.getBoolean("org.nd4j.noarraygc")) {
      return false;
    }
    DeallocatorService stock = Nd4j.getDeallocatorService();
    if (stock instanceof InlineDeallocatorService) {
      return true;
    }
    if (stock.getClass() != DeallocatorService.class) {
      return false;
    }
    // Nd4j.getDeallocatorService() is static synchronized: replace sets the field under Nd4j's lock
    return Nd4jInternals.replace(Nd4j.class, "deallocatorService", null, InlineDeallocatorService::new) != null;
  }
}
