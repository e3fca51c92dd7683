package dev.hyp.compiler.build;

import dev.hyp.compiler.codegen.JavaGenerator;
import dev.hyp.compiler.meaning.SpecMeaning;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.experiment.SpecResource;
import dev.hyp.runtime.run.StartTimeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checked spec in, compiled experiment out: generate the Java, compile it in memory, add the spec
 * and its meaning (which the runtime compares with the last run's to know whether a study continues).
 */
public final class ExperimentBuild {
  /** The resource that carries the spec in every compiled experiment. */
  public static final String SPEC_RESOURCE = "META-INF/hyp/spec.hyp";
  public static final String HASH_RESOURCE = "META-INF/hyp/spec.sha256";
  /** The spec's meaning as canonical JSON ({@link SpecMeaning}), read back by {@link SpecResource#meaning}. */
  public static final String MEANING_RESOURCE = SpecResource.MEANING_PATH;

  /**
   * @param entries class files and resources by path in a jar (`hyp/generated/iris/IrisExperiment.class`)
   */
  public record Compiled(String name, String mainClass, String specHash, JavaGenerator.Generated generated,
      Map<String, byte[]> entries) {}

  private final InMemoryJavaCompiler javac = new InMemoryJavaCompiler();
  private final CompiledClassCache cache;

  public ExperimentBuild() {
    this(null);
  }

  /** A build that keeps javac's output in {@code cache} and takes it from there when it has it; null: none. */
  public ExperimentBuild(CompiledClassCache cache) {
    this.cache = cache;
  }

  public Compiled build(CheckedExperiment experiment, SourceFile spec, List<Path> classpath) {
    String specName = spec.path() == null ? spec.name() : spec.path().getFileName().toString();
    JavaGenerator.Generated generated = new JavaGenerator().generate(experiment, specName, spec.text());
    List<InMemoryJavaCompiler.Source> sources = generated.sources().stream()
        .map(s -> new InMemoryJavaCompiler.Source(s.className(), s.text()))
        .toList();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    classes(sources, classpath).forEach((name, bytes) -> entries.put(name.replace('.', '/') + ".class", bytes));
    entries.put(SPEC_RESOURCE, spec.text().getBytes(StandardCharsets.UTF_8));
    entries.put(MEANING_RESOURCE, SpecMeaning.of(experiment).getBytes(StandardCharsets.UTF_8));
    entries.put(HASH_RESOURCE, (generated.specHash() + "\n").getBytes(StandardCharsets.UTF_8));
    return new Compiled(experiment.name(), generated.mainClass(), generated.specHash(), generated, entries);
  }

  /** javac's class files by binary name: the cache's when it has them, else compiled (and kept there). */
  private Map<String, byte[]> classes(List<InMemoryJavaCompiler.Source> sources, List<Path> classpath) {
    if (cache == null) {
      return javac.compile(sources, classpath);
    }
    String key = CompiledClassCache.key(sources, classpath);
    Optional<Map<String, byte[]>> kept = cache.get(key);
    if (kept.isPresent()) {
      StartTimeline.mark("compiled classes taken from the cache");
      return kept.get();
    }
    Map<String, byte[]> compiled = javac.compile(sources, classpath);
    StartTimeline.mark("compiled by javac");
    cache.put(key, compiled);
    return compiled;
  }
}
