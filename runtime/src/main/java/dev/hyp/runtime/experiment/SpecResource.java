package dev.hyp.runtime.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a compiled experiment carries as resources beside its classes: the spec as written
 * (`META-INF/hyp/spec.hyp`) and what it means (`META-INF/hyp/meaning.json`: the checked model as
 * canonical JSON, which decides whether an edited spec continues its study; see
 * docs/language.md, "Editing a spec").
 */
public final class SpecResource {
  public static final String PATH = "META-INF/hyp/spec.hyp";
  public static final String MEANING_PATH = "META-INF/hyp/meaning.json";

  private SpecResource() {}

  public static String read(Class<?> experiment) {
    return resource(experiment, PATH).orElseThrow(() -> new IllegalStateException(
        "the experiment's spec is missing: no " + PATH + " beside " + experiment.getName()));
  }

  /** The spec's meaning, or empty for an experiment compiled before hyp kept it. */
  public static Optional<String> meaning(Class<?> experiment) {
    return resource(experiment, MEANING_PATH);
  }

  private static Optional<String> resource(Class<?> experiment, String path) {
    try (InputStream in = experiment.getClassLoader().getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
