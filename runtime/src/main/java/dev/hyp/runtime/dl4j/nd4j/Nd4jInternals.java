package dev.hyp.runtime.dl4j.nd4j;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/** Swaps one of ND4J's private components for hyp's replacement, through reflection. */
final class Nd4jInternals {
  private Nd4jInternals() {}

  /**
   * Sets {@code owner}'s field {@code name} (on {@code target}, or the static field when it is null)
   * to a new replacement and returns it; returns null, changing nothing, on an ND4J without that
   * field. The replacement is made only once the field is found. A static field is set under its
   * class's lock, which ND4J's {@code static synchronized} getters hold while they read it.
   */
  static <T> T replace(Class<?> owner, String name, Object target, Supplier<T> replacement) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      T value = replacement.get();
      if (Modifier.isStatic(field.getModifiers())) {
        synchronized (owner) {
          field.set(null, value);
        }
      } else {
        field.set(target, value);
      }
      return value;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // a different ND4J: keep its own
    }
  }
}
