package dev.hyp.runtime.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named arguments for a call such as an updater, leaving out those whose value is absent (null). */
public final class Arguments {
  private Arguments() {}

  /** {@code of("lr", 0.01, "momentum", null)} is {@code {lr=0.01}}. */
  public static Map<String, Object> of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return Collections.unmodifiableMap(arguments);
  }
}
