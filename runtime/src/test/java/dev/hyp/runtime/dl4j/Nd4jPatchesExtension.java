package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Trains the tests' networks as a run trains a trial: with the ND4J patches a run's entry point
 * installs ({@link Nd4jPatches}), under the same switches. A test class that trains or predicts
 * says {@code @ExtendWith(Nd4jPatchesExtension.class)}; without it, it would train on ND4J as it
 * comes once no earlier test of the JVM had installed them (the same results, only slower).
 */
public final class Nd4jPatchesExtension implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties());
  }
}
