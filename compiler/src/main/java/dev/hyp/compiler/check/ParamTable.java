package dev.hyp.compiler.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The declared parameters by name, in declaration order. */
final class ParamTable {
  private final Map<String, ParamInfo> byName = new LinkedHashMap<>();
  /** Parameters declared with an error already reported: uses of them are not reported again. */
  private final java.util.Set<String> broken = new java.util.HashSet<>();

  void add(ParamInfo info) {
    byName.put(info.name(), info);
  }

  void markBroken(String name) {
    broken.add(name);
  }

  boolean isBroken(String name) {
    return broken.contains(name) && !byName.containsKey(name);
  }

  ParamInfo get(String name) {
    return byName.get(name);
  }

  boolean contains(String name) {
    return byName.containsKey(name);
  }

  List<ParamInfo> all() {
    return new ArrayList<>(byName.values());
  }

  List<String> names() {
    return new ArrayList<>(byName.keySet());
  }
}
