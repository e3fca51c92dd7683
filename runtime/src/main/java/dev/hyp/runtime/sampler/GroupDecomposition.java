package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits the parameters into groups that always occur together in the observed trials (Optuna's
 * group decomposition): each group can then be modelled jointly from exactly the trials that
 * have it, which is how TPE handles conditional and per-layer parameters.
 */
final class GroupDecomposition {
  private GroupDecomposition() {}

  /**
   * @param nameSets the distinct sets of modelled parameter names seen in trials
   * @return groups, each in declaration order, ordered by their first parameter
   */
  static List<List<String>> groups(SearchSpace space, Collection<Set<String>> nameSets) {
    List<Set<String>> groups = new ArrayList<>();
    for (Set<String> names : nameSets) {
      Set<String> rest = new LinkedHashSet<>(names);
      List<Set<String>> next = new ArrayList<>();
      for (Set<String> g : groups) {
        Set<String> inside = new LinkedHashSet<>(g);
        inside.retainAll(names);
        Set<String> outside = new LinkedHashSet<>(g);
        outside.removeAll(names);
        if (!inside.isEmpty()) {
          next.add(inside);
        }
        if (!outside.isEmpty()) {
          next.add(outside);
        }
        rest.removeAll(g);
      }
      if (!rest.isEmpty()) {
        next.add(rest);
      }
      groups = next;
    }
    List<List<String>> ordered = new ArrayList<>();
    for (ParamSpec spec : space.params()) {
      for (Set<String> g : groups) {
        if (g.iterator().hasNext() && firstInOrder(space, g).equals(spec.name())) {
          ordered.add(space.params().stream().map(ParamSpec::name).filter(g::contains).toList());
        }
      }
    }
    return ordered;
  }

  private static String firstInOrder(SearchSpace space, Set<String> group) {
    for (ParamSpec spec : space.params()) {
      if (group.contains(spec.name())) {
        return spec.name();
      }
    }
    throw new IllegalStateException("empty group");
  }
}
