package dev.hyp.runtime.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The spec a compiled experiment carries as a resource (`META-INF/hyp/spec.hyp` in its jar). */
public final class SpecResource {
  public static final String PATH = "META-INF/hyp/spec.hyp";

  private SpecResource() {}

  public static String read(Class<?> experiment) {
    try (InputStream in = experiment.getClassLoader().getResourceAsStream(PATH)) {
      if (in == null) {
        throw new IllegalStateException("the experiment's spec is missing: no " + PATH + " beside "
            + experiment.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
