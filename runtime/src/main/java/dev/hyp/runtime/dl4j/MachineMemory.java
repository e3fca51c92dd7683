package dev.hyp.runtime.dl4j;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The machine's memory as hyp's memory guard sees it (docs/performance.md, "Memory"), and the
 * user's override of it. DL4J-free, so the checker reads it too.
 */
public final class MachineMemory {
  private MachineMemory() {}

  /** The system property that overrides the memory hyp's trials may use (bytes, or with k, m, g or t). */
  public static final String PROPERTY = "hyp.memoryLimit";
  /** The environment variable that does the same; the system property wins. */
  public static final String VARIABLE = "HYP_MEMORY_LIMIT";

  /**
   * The share of the machine's memory hyp counts on when the user set no limit: the rest is for
   * the JVM's heap growing, DL4J's scratch memory the estimate leaves out, and the estimate's error.
   */
  public static final double SAFE_FRACTION = 0.8;

  /** What the user set with {@link #PROPERTY} or {@link #VARIABLE}, if anything. */
  public static OptionalLong limit() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(VARIABLE);
    }
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(parseBytes(value));
  }

  /** Linux's MemAvailable (what can be allocated without swapping), else the free memory the JVM reports. */
  public static OptionalLong available() {
    OptionalLong meminfo = meminfo("MemAvailable:");
    return meminfo.isPresent() ? meminfo : bean(true);
  }

  /** The machine's physical memory. */
  public static OptionalLong total() {
    OptionalLong meminfo = meminfo("MemTotal:");
    return meminfo.isPresent() ? meminfo : bean(false);
  }

  /** `8g`, `512m`, `1.5G`, `1000000`: bytes (k, m, g and t are powers of 1024). */
  public static long parseBytes(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.endsWith("b")) {
      s = s.substring(0, s.length() - 1);
    }
    long unit = 1;
    int last = s.isEmpty() ? -1 : "kmgt".indexOf(s.charAt(s.length() - 1));
    if (last >= 0) {
      unit = 1L << (10 * (last + 1));
      s = s.substring(0, s.length() - 1);
    }
    try {
      double value = Double.parseDouble(s);
      if (value > 0 && value * unit < Long.MAX_VALUE) {
        return (long) (value * unit);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(VARIABLE + " (or -D" + PROPERTY + ") is `" + text
        + "`, not an amount of memory such as 8g or 512m");
  }

  /** Bytes for people: `14.2 GB`, `512.0 MB` (powers of 1024). */
  public static String format(long bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private static OptionalLong meminfo(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith(key)) {
          String[] parts = line.substring(key.length()).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024); // in kB
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or unreadable: the JVM's figure
    }
    return OptionalLong.empty();
  }

  private static OptionalLong bean(boolean free) {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long bytes = free ? os.getFreeMemorySize() : os.getTotalMemorySize();
      return bytes > 0 ? OptionalLong.of(bytes) : OptionalLong.empty();
    }
    return OptionalLong.empty();
  }
}
