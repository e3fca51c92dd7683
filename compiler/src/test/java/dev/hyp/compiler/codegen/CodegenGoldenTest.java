package dev.hyp.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.build.ExperimentBuild;
import dev.hyp.compiler.build.ProcessClasspath;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated Java of every sample, compared exactly with the reviewed copy in
 * src/test/resources/codegen/SAMPLE/. Run with -Dhyp.updateGoldens=true to rewrite the copies
 * after an intended change, then review the diff.
 */
class CodegenGoldenTest {
  private static final Path GOLDENS = Path.of("src/test/resources/codegen");
  private static final boolean UPDATE = Boolean.getBoolean("hyp.updateGoldens");

  static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../samples"))) {
      List<Path> samples = files.filter(p -> p.toString().endsWith(".hyp")).sorted().toList();
      assertFalse(samples.isEmpty(), "no samples in ../samples");
      return samples;
    }
  }

  static JavaGenerator.Generated generate(Path sample) throws IOException {
    SourceFile source = SourceFile.read(sample);
    CheckResult checked = new Compiler().check(source);
    assertTrue(checked.experiment() != null, sample + " does not check");
    return new JavaGenerator().generate(checked.experiment(), sample.getFileName().toString(), source.text());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void generatedSourcesMatchTheGoldens(Path sample) throws IOException {
    String name = sample.getFileName().toString().replace(".hyp", "");
    for (JavaGenerator.Source source : generate(sample).sources()) {
      Path golden = GOLDENS.resolve(name).resolve(source.className().substring(source.className().lastIndexOf('.') + 1)
          + ".java.txt");
      if (UPDATE) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, source.text());
      }
      assertTrue(Files.exists(golden), "no golden " + golden + "; run with -Dhyp.updateGoldens=true");
      assertEquals(Files.readString(golden), source.text(), "generated " + source.className() + " changed");
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void generatingTwiceGivesTheSameBytes(Path sample) throws IOException {
    assertEquals(generate(sample).sources(), generate(sample).sources());
  }

  /** Generated code is read by people too: every line within 100 columns, as a person would keep it. */
  @ParameterizedTest
  @MethodSource("samples")
  void everyLineFitsIn100Columns(Path sample) throws IOException {
    for (JavaGenerator.Source source : generate(sample).sources()) {
      List<String> lines = source.text().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        assertTrue(lines.get(i).length() <= 100, source.className() + " line " + (i + 1) + " has "
            + lines.get(i).length() + " columns: " + lines.get(i));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void theGeneratedSourcesCompile(Path sample) throws IOException {
    SourceFile source = SourceFile.read(sample);
    CheckResult checked = new Compiler().check(source);
    ExperimentBuild.Compiled compiled = new ExperimentBuild().build(checked.experiment(), source, ProcessClasspath.entries());
    String mainClass = compiled.mainClass().replace('.', '/') + ".class";
    assertTrue(compiled.entries().containsKey(mainClass), compiled.entries().keySet().toString());
    assertEquals(source.text(), new String(compiled.entries().get(ExperimentBuild.SPEC_RESOURCE)));
  }
}
