package dev.hyp.compiler.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.meaning.SpecMeaning;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import dev.hyp.runtime.experiment.SpecResource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meaning travels with the experiment: the in-memory build `hyp run` loads and the jar
 * `hyp compile` writes both carry `META-INF/hyp/meaning.json`, which the runtime reads through
 * the experiment's class loader, and the jar stays the same bytes when built again.
 */
class MeaningResourceTest {
  private static final Compiler COMPILER = new Compiler();
  private static SourceFile iris;
  private static CheckedExperiment experiment;
  private static ExperimentBuild.Compiled compiled;

  @TempDir
  Path directory;

  @BeforeAll
  static void buildIris() {
    iris = TestFiles.sample(TestFiles.samplesDirectory().resolve("iris.hyp"));
    CheckResult checked = COMPILER.check(iris);
    assertTrue(checked.experiment() != null && !checked.hasErrors(), checked.diagnostics().toString());
    experiment = checked.experiment();
    compiled = COMPILER.build(experiment, iris);
  }

  @Test
  void theMeaningResourceIsTheRuntimesPath() {
    assertEquals(SpecResource.MEANING_PATH, ExperimentBuild.MEANING_RESOURCE);
  }

  @Test
  void theInMemoryBuildCarriesTheMeaning() throws ReflectiveOperationException {
    Class<?> loaded = COMPILER.load(compiled).getClass();
    assertEquals(Optional.of(SpecMeaning.of(experiment)), SpecResource.meaning(loaded));
  }

  @Test
  void theJarCarriesTheMeaning() throws Exception {
    Path jar = JarPackager.write(compiled, directory, iris.path().getParent(), List.of(), false);
    try (JarFile file = new JarFile(jar.toFile())) {
      byte[] entry = file.getInputStream(file.getEntry(SpecResource.MEANING_PATH)).readAllBytes();
      assertEquals(SpecMeaning.of(experiment), new String(entry, StandardCharsets.UTF_8));
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        MeaningResourceTest.class.getClassLoader())) {
      Class<?> loaded = loader.loadClass(compiled.mainClass());
      assertEquals(loader, loaded.getClassLoader(), "the experiment's class must come from the jar");
      assertEquals(Optional.of(SpecMeaning.of(experiment)), SpecResource.meaning(loaded));
    }
  }

  @Test
  void buildingTwiceGivesTheSameJar() throws IOException {
    Path one = JarPackager.write(compiled, directory.resolve("one"), iris.path().getParent(), List.of(), false);
    Path two = JarPackager.write(COMPILER.build(COMPILER.check(iris).experiment(), iris), directory.resolve("two"),
        iris.path().getParent(), List.of(), false);
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
  }
}
