package dev.hyp.compiler.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The meaning of every sample, compared exactly with the reviewed copy in
 * src/test/resources/meaning/SAMPLE.json. Run with -Dhyp.updateGoldens=true to rewrite the copies
 * after an intended change, then review the diff.
 */
class SpecMeaningGoldenTest {
  private static final Path GOLDENS = Path.of("src/test/resources/meaning");
  private static final boolean UPDATE = Boolean.getBoolean("hyp.updateGoldens");

  static List<Path> samples() {
    return TestFiles.samples();
  }

  static CheckedExperiment checked(Path sample) {
    CheckResult checked = new Compiler().check(TestFiles.sample(sample));
    assertTrue(checked.experiment() != null && !checked.hasErrors(), sample + " does not check");
    return checked.experiment();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void theMeaningMatchesTheGolden(Path sample) throws IOException {
    Path golden = GOLDENS.resolve(sample.getFileName().toString().replace(".hyp", ".json"));
    String meaning = SpecMeaning.of(checked(sample));
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, meaning);
    }
    assertTrue(Files.exists(golden), "no golden " + golden + "; run with -Dhyp.updateGoldens=true");
    assertEquals(Files.readString(golden), meaning, "the meaning of " + sample.getFileName() + " changed");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void checkingTwiceGivesTheSameBytes(Path sample) {
    assertEquals(SpecMeaning.of(checked(sample)), SpecMeaning.of(checked(sample)));
  }

  /**
   * The runtime has no compiler: from the document alone, a Jackson round trip of
   * {"meaning", "search"} written compactly with the fast double writer gives the text the
   * fingerprint hashes (the recipe in {@link SpecMeaning#fingerprint}).
   */
  @ParameterizedTest
  @MethodSource("samples")
  void theFingerprintCanBeRecomputedFromTheDocument(Path sample) throws IOException {
    CheckedExperiment experiment = checked(sample);
    assertEquals(SpecMeaning.fingerprint(experiment), fingerprintOfDocument(SpecMeaning.of(experiment)));
  }

  /** 2e23 is a double JDK 17's Double.toString prints wrongly long, which the recipe must survive. */
  @Test
  void theRecipeSurvivesDoublesTheJdkPrintsDifferently() throws IOException {
    String text = Files.readString(samples().get(0)).replace("  params {\n", "  params {\n    big = 2e23\n");
    SourceFile source = SourceFile.of("big.hyp", text);
    CheckedExperiment experiment = new Compiler().check(source).experiment();
    assertTrue(experiment != null && SpecMeaning.of(experiment).contains("\"value\": 2.0E23"), text);
    assertEquals(SpecMeaning.fingerprint(experiment), fingerprintOfDocument(SpecMeaning.of(experiment)));
  }

  private static String fingerprintOfDocument(String document) throws IOException {
    ObjectMapper mapper = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    JsonNode tree = mapper.readTree(document);
    ObjectNode identity = mapper.createObjectNode();
    identity.set("meaning", tree.get("meaning"));
    identity.set("search", tree.get("search"));
    return CanonicalJson.sha256(mapper.writeValueAsString(identity));
  }
}
