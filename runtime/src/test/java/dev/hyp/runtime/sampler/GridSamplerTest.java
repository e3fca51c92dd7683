package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamCondition;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.StopReason;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridSamplerTest {
  private final SearchSpace space = SearchSpace.builder()
      .add("opt", CategoricalDistribution.of("adam", "nesterovs"))
      .add("momentum", FloatDistribution.stepped(0.5, 0.9, 0.2), ParamCondition.equalTo("opt", "nesterovs"))
      .add("depth", IntDistribution.uniform(1, 2))
      .build();

  @Test
  void visitsEveryPointOnceInDeclarationOrderThenStops() {
    Study study = Study.builder("grid", space).sampler(Samplers.create("grid", Map.of(), 0)).open();
    StudyResult result = study.optimize(t -> 0.0, StudyOptions.trials(100));
    List<ParamValues> visited = result.trials().stream().map(FrozenTrial::params).toList();
    // adam: 2 depths; nesterovs: 3 momenta x 2 depths
    assertEquals(8, visited.size());
    assertEquals(StopReason.SPACE_EXHAUSTED, result.stopReason());
    assertEquals(ParamValues.of(Map.of("opt", "adam", "depth", 1L)).asMap(), visited.get(0).asMap());
    assertEquals(0.5, visited.get(2).getDouble("momentum"));
    assertEquals(0.7, visited.get(4).getDouble("momentum"));
    assertEquals(0.9, visited.get(7).getDouble("momentum"));
    assertEquals(8, GridSampler.size(space));
  }

  @Test
  void refusesAnInfiniteSpace() {
    SearchSpace infinite = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 1e-1)).build();
    Study study = Study.builder("grid", infinite).sampler(Samplers.create("grid", Map.of(), 0)).open();
    assertThrows(IllegalArgumentException.class, study::ask);
  }

  @Test
  void aGridOfATrillionPointsIsWalkedNotListed() {
    SearchSpace huge = SearchSpace.builder()
        .add("a", IntDistribution.uniform(1, 1_000_000))
        .add("b", IntDistribution.uniform(1, 1_000_000))
        .build();
    Study study = Study.builder("huge", huge).sampler(Samplers.create("grid", Map.of(), 0)).open();
    StudyResult result = study.optimize(t -> 0.0, StudyOptions.trials(5));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), result.trials().stream().map(t -> t.params().getLong("b")).toList());
    assertEquals(List.of(1L, 1L, 1L, 1L, 1L), result.trials().stream().map(t -> t.params().getLong("a")).toList());
    assertEquals(Long.MAX_VALUE, IntDistribution.uniform(Long.MIN_VALUE / 2 - 10, Long.MAX_VALUE / 2 + 10).count());
  }
}
