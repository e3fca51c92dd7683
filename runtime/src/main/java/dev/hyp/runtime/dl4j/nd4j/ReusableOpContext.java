package dev.hyp.runtime.dl4j.nd4j;

import org.bytedeco.javacpp.BooleanPointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.ops.CpuOpContext;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.nativeblas.OpaqueContext;

/**
 * A libnd4j op context meant to run many ops one after another on one thread
 * ({@link PooledContextExecutioner}). ND4J's {@link CpuOpContext} copies each op's integer,
 * floating-point, boolean and data-type arguments into a new JavaCPP pointer per op, each freed
 * only through JavaCPP's garbage-collected deallocator list; libnd4j copies the values out at once,
 * so here they go through four buffers owned by the context and grown when too small.
 *
 * <p>Unlike the parent, every setter also passes an empty argument list on to libnd4j, which clears
 * what the previous op left; {@link #reset} clears the rest (arrays and flags) between ops.
 */
final class ReusableOpContext extends CpuOpContext {
  private final NativeOps nativeOps = NativeOpsHolder.getInstance().getDeviceNativeOps();
  private final OpaqueContext context = (OpaqueContext) contextPointer();
  private LongPointer longs = new LongPointer(16);
  private DoublePointer doubles = new DoublePointer(16);
  private BooleanPointer booleans = new BooleanPointer(16);
  private IntPointer ints = new IntPointer(16);

  @Override
  public void setIArguments(long... arguments) {
    fastpath_i.clear();
    for (long v : arguments) {
      fastpath_i.add(v);
    }
    if (longs.capacity() < arguments.length) {
      longs = new LongPointer(arguments.length);
    }
    longs.put(arguments, 0, arguments.length);
    nativeOps.setGraphContextIArguments(context, longs, arguments.length);
  }

  @Override
  public void setTArguments(double... arguments) {
    fastpath_t.clear();
    for (double v : arguments) {
      fastpath_t.add(v);
    }
    if (doubles.capacity() < arguments.length) {
      doubles = new DoublePointer(arguments.length);
    }
    doubles.put(arguments, 0, arguments.length);
    nativeOps.setGraphContextTArguments(context, doubles, arguments.length);
  }

  @Override
  public void setBArguments(boolean... arguments) {
    fastpath_b.clear();
    for (boolean v : arguments) {
      fastpath_b.add(v);
    }
    if (booleans.capacity() < arguments.length) {
      booleans = new BooleanPointer(arguments.length);
    }
    for (int i = 0; i < arguments.length; i++) {
      booleans.put(i, arguments[i]);
    }
    nativeOps.setGraphContextBArguments(context, booleans, arguments.length);
  }

  @Override
  public void setDArguments(DataType... arguments) {
    fastpath_d.clear();
    for (DataType v : arguments) {
      fastpath_d.add(v);
    }
    if (ints.capacity() < arguments.length) {
      ints = new IntPointer(arguments.length);
    }
    for (int i = 0; i < arguments.length; i++) {
      ints.put(i, arguments[i].toInt());
    }
    nativeOps.setGraphContextDArguments(context, ints, arguments.length);
  }

  /** Forgets the last op's arrays (libnd4j's handles to them too) and flags. */
  void reset() {
    purge();
    markInplace(false);
    shapeFunctionOverride(false);
  }
}
