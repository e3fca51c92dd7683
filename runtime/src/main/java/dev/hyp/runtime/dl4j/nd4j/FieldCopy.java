package dev.hyp.runtime.dl4j.nd4j;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Reflection for {@code dl4j.PreOutputReuse}, which puts hyp's subclasses of DL4J's layer
 * implementations into an initialised network: kept in this package with the rest of hyp's
 * reflection on DL4J and ND4J internals.
 */
public final class FieldCopy {
  private FieldCopy() {}

  /** Every instance field of {@code from}'s class and its superclasses, into {@code to}, an instance of a subclass. */
  public static void into(Object from, Object to) {
    if (!from.getClass().isInstance(to)) {
      throw new IllegalArgumentException(to.getClass().getName() + " is not a " + from.getClass().getName());
    }
    for (Class<?> c = from.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        try {
          field.setAccessible(true);
          field.set(to, field.get(from));
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalStateException("cannot carry over " + c.getName() + "." + field.getName(), e);
        }
      }
    }
  }

  /** In the map held by {@code owner}'s field {@code name} (declared by {@code declaring}), every value {@code old} becomes {@code replacement}. */
  @SuppressWarnings("unchecked")
  public static <V> void replaceValue(Class<?> declaring, Object owner, String name, V old, V replacement) {
    try {
      Field field = declaring.getDeclaredField(name);
      field.setAccessible(true);
      Map<Object, V> map = (Map<Object, V>) field.get(owner);
      if (map != null) {
        map.replaceAll((key, value) -> value == old ? replacement : value);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot update " + declaring.getName() + "." + name, e);
    }
  }
}
