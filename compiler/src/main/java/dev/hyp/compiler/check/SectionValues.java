package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.model.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks every setting of a section against its declared type. */
final class SectionValues {
  private SectionValues() {}

  /**
   * The checked value of each setting; empty when any of them had a problem (reported).
   * Parameters may appear only in the settings named in {@code parametersAllowed}.
   */
  static Optional<Map<String, Value>> check(Map<String, Setting> settings, String section, Map<String, Signature.Parameter> known,
      ValueChecker values, Set<String> parametersAllowed) {
    Checked checked = checkEach(settings, section, known, values, parametersAllowed);
    return checked.complete() ? Optional.of(checked.values()) : Optional.empty();
  }

  /** The settings that checked, and whether every one did: later checks may use the good ones. */
  record Checked(Map<String, Value> values, boolean complete) {}

  static Checked checkEach(Map<String, Setting> settings, String section, Map<String, Signature.Parameter> known,
      ValueChecker values, Set<String> parametersAllowed) {
    Map<String, Value> checked = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, Setting> entry : settings.entrySet()) {
      String name = entry.getKey();
      Setting setting = entry.getValue();
      Place place = new Place("`" + name + "` of " + section, known.get(name), parametersAllowed.contains(name), true,
          setting.value().span());
      Optional<Value> value = values.check(setting.value(), place, Scope.EMPTY);
      ok &= value.isPresent();
      value.ifPresent(v -> checked.put(name, v));
    }
    return new Checked(checked, ok);
  }
}
