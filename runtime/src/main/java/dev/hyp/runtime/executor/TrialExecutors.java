package dev.hyp.runtime.executor;

import java.util.Optional;
import java.util.ServiceLoader;

/** Finds a {@link TrialExecutor} by name among the providers on the classpath. */
public final class TrialExecutors {
  private TrialExecutors() {}

  public static Optional<TrialExecutor> find(String name, ClassLoader loader) {
    try {
      for (TrialExecutor executor : ServiceLoader.load(TrialExecutor.class, loader)) {
        if (executor.name().equals(name)) {
          return Optional.of(executor);
        }
      }
    } catch (java.util.ServiceConfigurationError | LinkageError e) {
      // a provider whose dependencies (Spark) are missing: as if absent
    }
    return Optional.empty();
  }
}
