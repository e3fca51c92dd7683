package dev.hyp.compiler.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.bench.LargeSpec;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every build writes the meaning, so it must exist for anything the checker accepts: each spec
 * among the diagnostics goldens and samples that checks without errors, a large generated one and
 * one with most kinds of setting give a document of the agreed shape.
 */
class EveryCheckedSpecTest {
  private static final List<String> SECTIONS = List.of("budget", "experiment", "format", "meaning", "search");

  /** Most settings and kinds of value at once: k-fold, a test file, schedules, clipping, conditions, arithmetic. */
  private static final String EVERYTHING = """
      experiment everything {
        seed = 7
        data {
          source    = csv("train.csv", label = "y", header = false, delimiter = ";")
          test      = csv("test.csv", label = "y", header = false, delimiter = ";")
          split     = kfold(k = 4)
          normalize = minmax
        }
        params {
          lr      = loguniform(1e-4, 1e-1)
          width   = int(8, 64, step = 8)
          depth   = int(1, 3)
          opt     = choice(adam, rmsprop, nesterovs)
          wide    = choice(true, false)
          mom     = uniform(0.5, 0.99) if opt == nesterovs and (not wide == true or depth >= 2)
          clip    = choice(0.5, 1.0, 5.0)
          l1      = 0.0
        }
        model {
          updater       = opt(lr = lr, momentum = mom)
          l1            = l1
          l2            = 1e-5
          gradient_clip = clip
          for i in 1..depth {
            dense(units = width * 2 - i, activation = gelu)
          }
          output(loss = mse)
        }
        train {
          epochs         = 20
          batch          = 32
          early_stopping = patience(3, min_delta = 0.001)
          lr_schedule    = step(every = 5, factor = 0.5)
        }
        search evolution {
          trials = 30
          max_failures = 2
          target = 0.01
          pruner = hyperband(min_epochs = 2)
        }
        objective = minimize rmse on validation
      }
      """;

  @Test
  void everySpecThatChecksHasAMeaning() throws IOException {
    int checked = 0;
    for (SourceFile source : sources()) {
      CheckResult result = new Compiler().check(source);
      if (result.experiment() == null || result.hasErrors()) {
        continue;
      }
      CheckedExperiment experiment = result.experiment();
      JsonNode document = new ObjectMapper().readTree(SpecMeaning.of(experiment));
      assertEquals(SECTIONS, iterable(document.fieldNames()), source.name());
      assertEquals(1, document.get("format").asInt(), source.name());
      assertEquals(experiment.params().size(), document.get("search").get("params").size(), source.name());
      checked++;
    }
    assertTrue(checked >= 9, "only " + checked + " specs check cleanly");
  }

  @Test
  void theKitchenSinkChecksAndSaysWhatItMeans() throws IOException {
    CheckResult result = new Compiler().check(SourceFile.of("everything.hyp", EVERYTHING));
    assertTrue(result.experiment() != null && !result.hasErrors(), result.diagnostics().toString());
    JsonNode meaning = new ObjectMapper().readTree(SpecMeaning.of(result.experiment())).get("meaning");
    assertEquals(4, meaning.at("/data/split/kfold/k").asInt());
    assertEquals(";", meaning.at("/data/test/delimiter").asText());
    assertEquals(0.5, meaning.at("/train/lr_schedule/step/factor").asDouble());
    assertEquals("clip", meaning.at("/model/gradient_clip/param").asText());
    assertEquals("-", meaning.at("/model/layers/0/repeat/body/0/arguments/units/arithmetic").asText());
  }

  private static List<SourceFile> sources() throws IOException {
    List<SourceFile> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(TestFiles.resource("diagnostics"))) {
      files.filter(p -> p.toString().endsWith(".hyp")).sorted().map(TestFiles::sample).forEach(sources::add);
    }
    TestFiles.samples().stream().map(TestFiles::sample).forEach(sources::add);
    sources.add(SourceFile.of("large.hyp", LargeSpec.generate(400)));
    sources.add(SourceFile.of("everything.hyp", EVERYTHING));
    return sources;
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
