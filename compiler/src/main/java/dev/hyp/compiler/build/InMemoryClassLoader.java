package dev.hyp.compiler.build;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/** Loads a compiled experiment's classes and resources straight from memory (for `hyp run`). */
public final class InMemoryClassLoader extends ClassLoader {
  private final Map<String, byte[]> entries;

  public InMemoryClassLoader(Map<String, byte[]> entries, ClassLoader parent) {
    super("hyp-experiment", parent);
    this.entries = entries;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = entries.get(name.replace('.', '/') + ".class");
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    byte[] bytes = entries.get(name);
    return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
  }
}
