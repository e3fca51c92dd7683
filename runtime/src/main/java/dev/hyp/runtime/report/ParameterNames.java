package dev.hyp.runtime.report;

import dev.hyp.runtime.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The parameters of a study's trials in declaration order, for tables and charts. */
public final class ParameterNames {
  private ParameterNames() {}

  /** `units[3]`, first seen in a later trial, goes right after `units[2]`, not at the end. */
  public static List<String> of(List<FrozenTrial> trials) {
    Set<String> names = new LinkedHashSet<>();
    trials.forEach(t -> names.addAll(t.params().names()));
    List<String> bases = new ArrayList<>();
    for (String name : names) {
      if (!bases.contains(base(name))) {
        bases.add(base(name));
      }
    }
    List<String> ordered = new ArrayList<>(names);
    ordered.sort(Comparator.comparingInt((String n) -> bases.indexOf(base(n))).thenComparingInt(ParameterNames::layer));
    return ordered;
  }

  private static String base(String name) {
    return name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
  }

  private static int layer(String name) {
    return name.contains("[") ? Integer.parseInt(name.substring(name.indexOf('[') + 1, name.length() - 1)) : 0;
  }
}
