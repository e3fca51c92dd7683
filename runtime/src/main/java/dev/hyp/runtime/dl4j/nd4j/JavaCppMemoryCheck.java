package dev.hyp.runtime.dl4j.nd4j;

import java.util.Locale;

/**
 * JavaCPP's check of the process's resident memory, made before every native allocation by
 * reading /proc/self/statm: about 40% of the native time of a small network's training step
 * (docs/performance.md). JavaCPP reads its limit once, when ND4J first loads.
 */
final class JavaCppMemoryCheck {
  static final String LIMIT = "org.bytedeco.javacpp.maxPhysicalBytes";

  private JavaCppMemoryCheck() {}

  /**
   * Sets the limit to 0, which turns the check off, unless the user gave one (JavaCPP reads the
   * lower-case spelling too). Returns whether hyp set it. Must run before ND4J loads to matter.
   */
  static boolean turnOff() {
    if (System.getProperty(LIMIT) != null || System.getProperty(LIMIT.toLowerCase(Locale.ROOT)) != null) {
      return false;
    }
    System.setProperty(LIMIT, "0");
    return true;
  }
}
