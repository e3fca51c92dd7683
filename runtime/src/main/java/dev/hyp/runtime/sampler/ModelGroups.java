package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ConstantDistribution;
import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The groups of parameters a model-based sampler models jointly: those that occur together in the trials. */
final class ModelGroups {
  private ModelGroups() {}

  static List<List<String>> of(SearchSpace space, List<FrozenTrial> trials) {
    if (space.params().stream().noneMatch(ParamSpec::isConditional)) {
      // every trial has every parameter: one group, no need to look at the trials
      List<String> all = space.params().stream()
          .filter(p -> !(p.distribution() instanceof ConstantDistribution)).map(ParamSpec::name).toList();
      return all.isEmpty() ? List.of() : List.of(all);
    }
    // most trials share one of a few name sets: dedupe before looking at each name
    Set<Set<String>> raw = new HashSet<>();
    for (FrozenTrial t : trials) {
      raw.add(t.params().names());
    }
    Set<Set<String>> nameSets = new LinkedHashSet<>();
    for (Set<String> names : raw) {
      Set<String> modelled = new LinkedHashSet<>();
      for (String name : names) {
        if (space.contains(name) && !(space.param(name).distribution() instanceof ConstantDistribution)) {
          modelled.add(name);
        }
      }
      if (!modelled.isEmpty()) {
        nameSets.add(modelled);
      }
    }
    return GroupDecomposition.groups(space, nameSets);
  }
}
