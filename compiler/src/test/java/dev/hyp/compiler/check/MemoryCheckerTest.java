package dev.hyp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.InputShape;
import dev.hyp.runtime.dl4j.MemoryEstimate;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checker's parameter arithmetic against DL4J's own count, on the samples and on every kind of layer. */
class MemoryCheckerTest {
  private static final long GB = 1L << 30;
  private static final Path SAMPLES = Path.of("..", "samples");
  private final Compiler compiler = new Compiler();

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".hyp")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void theSmallestNetworkOfEverySampleHasTheParametersDl4jCounts(Path spec) throws IOException {
    CheckedExperiment experiment = checked(SourceFile.read(spec));
    DataSpec data = experiment.data();
    ExperimentData loaded = data.images() != null ? loadImages(spec, data)
        : ExperimentData.load(new CsvSource(spec.resolveSibling(data.source().path()),
        data.source().label(), data.source().header(), data.source().delimiter()), null,
        Task.valueOf(experiment.task().name()), new Split.Holdout(0.2, 0.0), image(data), 1,
        TableDataChecker.plan(data.preparation())); // prepared as a run prepares it (the churn sample has text)
    assertAgrees(experiment, loaded.inputShape(), loaded.task() == Task.CLASSIFICATION ? loaded.numClasses() : 1);
  }

  /** A sample whose data is an image folder. */
  private static ExperimentData loadImages(Path spec, DataSpec data) {
    DataSpec.ImageShape size = data.images().size();
    return ExperimentData.loadImages(new dev.hyp.runtime.data.images.ImageFolderSource(
        spec.resolveSibling(data.images().path()), size == null ? null : new dev.hyp.runtime.data.images.ImageSize(
        (int) size.height(), (int) size.width(), (int) size.channels()), false), null, new Split.Holdout(0.2, 0.0), 1);
  }

  @Test
  void everyKindOfLayerCountsAsDl4jCounts() {
    CheckedExperiment experiment = checked(SourceFile.of("t.hyp", """
        experiment t {
          data {
            source = csv("data/x.csv", label = "y")
            shape  = image(12, 10, 3)
          }
          params {
            filters = choice(4, 6)
            kernel  = int(2, 3)
          }
          model {
            conv2d(filters = filters, kernel = kernel, stride = 2, padding = valid)
            conv2d(filters = filters * 2, kernel = 3)
            avgpool(size = 2, stride = 1)
            batchnorm()
            maxpool()
            lstm(units = 5)
            dropout(rate = 0.2)
            dense(units = 7)
            batchnorm()
            output(activation = softmax, loss = mcxent, units = 3)
          }
          objective = maximize accuracy on validation
        }
        """));
    assertAgrees(experiment, InputShape.image(12, 10, 3), 3);
  }

  @Test
  void anLstmReadsAnImagesRowsAsSteps() {
    CheckedExperiment experiment = checked(SourceFile.of("t.hyp", """
        experiment t {
          data {
            source = csv("data/x.csv", label = "y")
            shape  = image(6, 5, 2)
          }
          model {
            lstm(units = 4)
            lstm(units = 3)
            output(activation = softmax, loss = mcxent, units = 2)
          }
          objective = maximize accuracy on validation
        }
        """));
    assertAgrees(experiment, InputShape.image(6, 5, 2), 2);
  }

  @Test
  void theUpdatersKeepTheStatesDl4jKeeps() {
    for (Updater updater : Updater.values()) {
      var conf = new NetworkBuilder(1, InputShape.flat(3), Task.CLASSIFICATION, 2).updater(updater, Map.of())
          .dense(5, Activation.RELU).output(null, Loss.MCXENT, null).configuration();
      long dl4j = conf.getConf(0).getLayer().getUpdaterByParam("W").stateSize(100) / 100;
      assertEquals(dl4j, MemoryChecker.states(updater), updater.hypName());
    }
  }

  @Test
  void warnsWhenTheSmallestNetworkExceedsTheMachineAndNotWhenItFits() {
    CheckedExperiment experiment = checked(SourceFile.of("t.hyp", """
        experiment t {
          data {
            source = csv("data/x.csv", label = "y")
          }
          params {
            units = choice(25000, 50000)
          }
          model {
            for i in 1..5 {
              dense(units = units)
            }
            output(activation = softmax, loss = mcxent)
          }
          objective = maximize accuracy on validation
        }
        """));
    // 4 x 25,000^2 weights and more, 16 bytes each with Adam: just over 37 GB
    Diagnostics small = new Diagnostics();
    new MemoryChecker(small, OptionalLong.of(24 * GB)).check(experiment);
    assertEquals(1, small.sorted().size());
    assertEquals(Code.HYP102, small.sorted().get(0).code());
    assertTrue(small.sorted().get(0).message().contains("needs at least 37.3 GB per trial"),
        small.sorted().get(0).message());
    Diagnostics large = new Diagnostics();
    new MemoryChecker(large, OptionalLong.of(64 * GB)).check(experiment);
    assertTrue(large.sorted().isEmpty(), large.sorted().toString());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void noSampleIsWarnedAbout(Path spec) throws IOException {
    CheckedExperiment experiment = checked(SourceFile.read(spec));
    Diagnostics diagnostics = new Diagnostics();
    new MemoryChecker(diagnostics, OptionalLong.of(GB)).check(experiment);
    assertFalse(diagnostics.hasErrors());
    assertTrue(diagnostics.sorted().isEmpty(), diagnostics.sorted().toString());
  }

  /** The checker's smallest network, built with DL4J from the same sizes, has the parameters the checker counts. */
  private static void assertAgrees(CheckedExperiment experiment, InputShape input, int outputUnits) {
    List<ParamSpec> lowest = experiment.params().stream().map(MemoryCheckerTest::atLowest).toList();
    DataSpec.ImageShape image = experiment.data().shape();
    long[] dims = image == null ? null : new long[] {image.height(), image.width(), image.channels()};
    MemoryChecker.SmallestNetwork network = MemoryChecker.smallest(experiment.model(), lowest, input.features(),
        dims, outputUnits).orElseThrow();
    NetworkBuilder builder = new NetworkBuilder(1, input, Task.CLASSIFICATION, outputUnits);
    for (MemoryChecker.SizedLayer layer : network.layers()) {
      Map<String, Object> s = layer.sizes();
      switch (layer.kind()) {
        case "dense" -> builder.dense(i(s, "units"), Activation.RELU);
        case "output" -> builder.output(Activation.IDENTITY, Loss.MSE, i(s, "units"));
        case "lstm" -> builder.lstm(i(s, "units"), Activation.TANH);
        case "conv2d" -> builder.conv2d(i(s, "filters"), i(s, "kernel"), i(s, "stride"),
            Padding.valueOf(((String) s.get("padding")).toUpperCase(Locale.ROOT)), Activation.RELU);
        case "maxpool" -> builder.maxpool(i(s, "size"), i(s, "stride"));
        case "avgpool" -> builder.avgpool(i(s, "size"), i(s, "stride"));
        case "batchnorm" -> builder.batchnorm();
        case "dropout" -> builder.dropout(0.2);
        default -> throw new AssertionError(layer.kind());
      }
    }
    assertEquals(MemoryEstimate.parameters(builder.configuration()), network.parameters(), network.toString());
  }

  /** The parameter fixed at its lowest value, so that "smallest" is one network DL4J can build. */
  private static ParamSpec atLowest(ParamSpec p) {
    Object lowest = null;
    if (p.distribution() instanceof Distribution.IntRange r) {
      lowest = r.lo();
    } else if (p.distribution() instanceof Distribution.FloatRange f) {
      lowest = f.lo();
    } else if (p.distribution() instanceof Distribution.Choice c && !c.symbols()
        && c.values().stream().allMatch(v -> v instanceof Number)) {
      lowest = c.values().stream().min(java.util.Comparator.comparingDouble(v -> ((Number) v).doubleValue()))
          .orElseThrow();
    }
    return lowest == null ? p : new ParamSpec(p.name(), new Distribution.Constant(lowest, false), p.condition(),
        p.layerBound(), p.maxLayers(), p.conditionText());
  }

  private static int i(Map<String, Object> sizes, String name) {
    return Math.toIntExact((Long) sizes.get(name));
  }

  private static int[] image(DataSpec data) {
    DataSpec.ImageShape s = data.shape();
    return s == null ? null : new int[] {(int) s.height(), (int) s.width(), (int) s.channels()};
  }

  private CheckedExperiment checked(SourceFile source) {
    var result = compiler.check(source);
    assertNotNull(result.experiment(), result.diagnostics().toString());
    return result.experiment();
  }
}
