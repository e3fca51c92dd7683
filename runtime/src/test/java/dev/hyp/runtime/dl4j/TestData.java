package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The CSV files under src/test/resources/dl4j, loaded once per test JVM. */
public final class TestData {
  private TestData() {}

  public static Path resource(String name) {
    try {
      return Path.of(TestData.class.getResource("/dl4j/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  private static ExperimentData iris;

  /** iris.csv, holdout(validation = 0.2, test = 0.1), seed 42. */
  public static synchronized ExperimentData iris() {
    if (iris == null) {
      iris = ExperimentData.load(CsvSource.of(resource("iris.csv"), "species"), null, Task.CLASSIFICATION,
          new Split.Holdout(0.2, 0.1), null, 42);
    }
    return iris;
  }
}
