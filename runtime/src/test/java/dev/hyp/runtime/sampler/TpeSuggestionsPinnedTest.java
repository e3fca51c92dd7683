package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Outcome;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.Objectives;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Pins every suggestion of long TPE and MOTPE runs to the values recorded before TPE's cost was
 * cut (the models are kept between asks, the densities evaluated kernel by kernel): a faster
 * model must suggest exactly what the plain one did. The runs cover a mixed space (log scales,
 * steps, integers, categoricals, per-layer and conditional parameters), a 6-D continuous one as
 * in the cost benchmark, trials running beside the asks (the constant liar), failed and pruned
 * trials. With -Dhyp.updateGoldens=true the recorded suggestions are rewritten instead.
 */
class TpeSuggestionsPinnedTest {
  private static final SearchSpace CUBE6 = cube(6);

  @Test
  void tpeOnTheMixedSpaceSuggestsWhatItDidBefore() throws IOException {
    assertPinned("tpe-mixed.txt", run(Samplers.create("tpe", Map.of(), 11), TestSpaces.iris(false), 340,
        TestSpaces::irisLoss, null));
  }

  @Test
  void tpeOnSixContinuousDimensionsSuggestsWhatItDidBefore() throws IOException {
    assertPinned("tpe-cube6.txt", run(Samplers.create("tpe", Map.of(), 4), CUBE6, 320,
        TpeSuggestionsPinnedTest::bowl, null));
  }

  @Test
  void motpeOnTheMixedSpaceSuggestsWhatItDidBefore() throws IOException {
    Objectives two = new Objectives(List.of(Direction.MINIMIZE, Direction.MINIMIZE));
    assertPinned("motpe-mixed.txt", run(Samplers.create("motpe", Map.of(), 5), TestSpaces.iris(false), 160,
        TestSpaces::irisLoss, two));
  }

  /**
   * Asks {@code trials} trials, keeping up to two running beside each ask; every 13th fails and
   * every 17th is pruned (rejected before training). One line per trial: its number and params.
   */
  private static List<String> run(Sampler sampler, SearchSpace space, int trials, ToDoubleFunction<ParamValues> loss,
      Objectives objectives) {
    Study.Builder builder = Study.builder("pinned", space).sampler(sampler);
    Study study = (objectives == null ? builder.direction(Direction.MINIMIZE) : builder.objectives(objectives)).open();
    List<String> lines = new ArrayList<>();
    Deque<Trial> running = new ArrayDeque<>();
    for (int i = 0; i < trials; i++) {
      Trial t = study.ask();
      lines.add(t.number() + " " + t.params());
      running.add(t);
      if (running.size() > (i % 3 == 0 ? 2 : 1)) {
        finish(study, running.poll(), loss, objectives != null);
      }
    }
    return lines;
  }

  private static void finish(Study study, Trial t, ToDoubleFunction<ParamValues> loss, boolean two) {
    double value = loss.applyAsDouble(t.params());
    List<Double> values = two ? List.of(value, secondObjective(t.params())) : List.of(value);
    if (t.number() % 13 == 12) {
      study.tell(t, Double.NaN);
    } else if (t.number() % 17 == 16) {
      study.tell(t, Outcome.rejected(values, 1.0, "too large"));
    } else {
      study.tell(t, two ? Outcome.of(values, 0, null) : Outcome.of(value));
    }
  }

  /** Competes with the iris loss: fewer, smaller layers. */
  private static double secondObjective(ParamValues p) {
    double size = 0;
    for (int i = 1; i <= p.getLong("depth"); i++) {
      size += p.getLong("units[" + i + "]");
    }
    return Math.log(size) + p.getDouble("dropout");
  }

  private static SearchSpace cube(int d) {
    SearchSpace.Builder b = SearchSpace.builder();
    for (int j = 0; j < d; j++) {
      b.add("x" + j, j % 2 == 0 ? FloatDistribution.uniform(-2, 3) : FloatDistribution.logUniform(1e-3, 10));
    }
    return b.build();
  }

  private static double bowl(ParamValues p) {
    double s = 0;
    for (int j = 0; j < CUBE6.params().size(); j++) {
      double x = j % 2 == 0 ? p.getDouble("x" + j) : Math.log10(p.getDouble("x" + j));
      s += (x - 0.3 * j) * (x - 0.3 * j) + 0.1 * Math.cos(5 * x);
    }
    return s;
  }

  private static void assertPinned(String name, List<String> actual) throws IOException {
    if (Boolean.getBoolean("hyp.updateGoldens")) {
      Path file = Path.of("src/test/resources/sampler", name);
      Files.write(file, actual, StandardCharsets.UTF_8);
      return;
    }
    List<String> expected;
    try (InputStream in = TpeSuggestionsPinnedTest.class.getResourceAsStream("/sampler/" + name)) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), name + ": the first suggestion that differs");
    }
    assertEquals(expected.size(), actual.size(), name + ": number of trials");
  }
}
