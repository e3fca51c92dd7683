package dev.hyp.runtime.dl4j;

import java.util.OptionalLong;

/**
 * The memory one trial may use: what hyp may use, shared by the trials that run at once. What hyp
 * may use is {@link MachineMemory#limit() HYP_MEMORY_LIMIT} when the user set it, else
 * {@link MachineMemory#SAFE_FRACTION} of the memory available when the run's first trial starts (the data is
 * loaded by then, so its arrays are counted once, not per trial); an explicit
 * {@code -Dorg.bytedeco.javacpp.maxBytes} lowers it further. JavaCPP's default maxBytes (the heap's
 * maximum) is not used: ND4J 1.0.0-M2.1 allocates its arrays outside JavaCPP's count, so it never
 * applies to them.
 *
 * @param usable bytes hyp's trials may use together, or {@link Long#MAX_VALUE} when unknown
 * @param trialsAtOnce how many trials share it
 * @param source how {@code usable} was found, for messages: "on 10.3 GB free"
 */
public record MemoryBudget(long usable, int trialsAtOnce, String source) {
  public MemoryBudget {
    if (usable <= 0 || trialsAtOnce < 1) {
      throw new IllegalArgumentException("memory budget " + usable + " for " + trialsAtOnce + " trials");
    }
  }

  /** Measured now, for {@code trialsAtOnce} trials. */
  public static MemoryBudget measure(int trialsAtOnce) {
    OptionalLong limit = MachineMemory.limit();
    long usable;
    String source;
    if (limit.isPresent()) {
      usable = limit.getAsLong();
      source = "within " + MachineMemory.VARIABLE + " = " + MachineMemory.format(usable);
    } else {
      OptionalLong available = MachineMemory.available();
      usable = available.isPresent() ? (long) (available.getAsLong() * MachineMemory.SAFE_FRACTION) : Long.MAX_VALUE;
      source = available.isPresent() ? "on " + MachineMemory.format(available.getAsLong()) + " free" : "";
    }
    long maxBytes = explicitMaxBytes();
    if (maxBytes > 0 && maxBytes < usable) {
      usable = maxBytes;
      source = "within " + MAX_BYTES + " = " + MachineMemory.format(maxBytes);
    }
    return new MemoryBudget(usable, trialsAtOnce, source);
  }

  /** JavaCPP's off-heap limit, when given on the command line. */
  static final String MAX_BYTES = "org.bytedeco.javacpp.maxBytes";

  /**
   * {@link #MAX_BYTES} as the user gave it (read as JavaCPP reads bytes, `8g`), or 0; read from
   * the property, not from JavaCPP, which only ND4J's patches touch (PackageRulesTest).
   */
  private static long explicitMaxBytes() {
    String value = System.getProperty(MAX_BYTES);
    try {
      return value == null ? 0 : MachineMemory.parseBytes(value);
    } catch (IllegalArgumentException e) {
      return 0; // a form such as a percentage: JavaCPP's business
    }
  }

  /** What one trial may use. */
  public long perTrial() {
    return usable == Long.MAX_VALUE ? usable : usable / trialsAtOnce;
  }

  /** "2 at once on 10.3 GB free". */
  public String describe() {
    return trialsAtOnce + " at once " + source;
  }
}
