package dev.hyp.runtime.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamCondition;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.storage.Storage;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of tuning a plain Java function, kept compiling and working. */
class AskTellExampleTest {

  // --- README example starts
  static final SearchSpace SPACE = SearchSpace.builder()
      .add("x", FloatDistribution.uniform(-10, 10))
      .add("shape", CategoricalDistribution.of("bowl", "valley"))
      .add("width", IntDistribution.uniform(1, 8), ParamCondition.equalTo("shape", "valley"))
      .build();

  /** Any Java code can be tuned; smaller is better here. */
  static double cost(ParamValues p) {
    double x = p.getDouble("x");
    return p.getString("shape").equals("bowl")
        ? (x - 2) * (x - 2) + 1
        : Math.abs(x - 2) / p.getLong("width");
  }

  static FrozenTrial askAndTell() {
    Study study = Study.builder("quickstart", SPACE)
        .direction(Direction.MINIMIZE)
        .sampler(Samplers.create("tpe", Map.of(), 42))
        .open();
    for (int i = 0; i < 60; i++) {
      Trial trial = study.ask();
      study.tell(trial, cost(trial.params()));
    }
    return study.bestTrial().orElseThrow();
  }

  static StudyResult optimizeWithSqlite(Path dir) {
    try (Storage storage = Storages.open("jdbc:sqlite:" + dir.resolve("quickstart.db"))) {
      Study study = Study.builder("quickstart", SPACE)
          .direction(Direction.MINIMIZE)
          .sampler(Samplers.create("tpe", Map.of("startup", 10), 42))
          .storage(storage)
          .open();
      return study.optimize(trial -> cost(trial.params()), StudyOptions.trials(60).withParallel(2));
    }
  }
  // --- README example ends

  @Test
  void askAndTellFindsTheValley() {
    FrozenTrial best = askAndTell();
    assertEquals("valley", best.params().getString("shape"));
    assertTrue(best.value() < 0.2, best.toString());
  }

  @Test
  void optimizeOnSqliteFindsTheValleyToo(@TempDir Path dir) {
    StudyResult result = optimizeWithSqlite(dir);
    assertEquals(60, result.trials().size());
    FrozenTrial best = result.best().orElseThrow();
    assertEquals("valley", best.params().getString("shape"));
    assertTrue(best.value() < 0.3, best.toString());
  }
}
