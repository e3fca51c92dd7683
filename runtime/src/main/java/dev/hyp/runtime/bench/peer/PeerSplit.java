package dev.hyp.runtime.bench.peer;

import dev.hyp.runtime.data.Splitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The rows hyp's `holdout(validation, test)` gives a CSV whose last column is a class label and
 * whose every row has one, computed by {@code data.Splitter} itself (classes in sorted order, each shuffled
 * with the run's seed, largest-remainder part sizes), so the peer trains, validates and tests on
 * the same rows. {@code PeerSplitTest} holds it equal to what a run loads.
 */
final class PeerSplit {
  record Parts(int[] train, int[] validation, int[] test) {
    String json() {
      return "{\"train\":" + Arrays.toString(train) + ",\"validation\":" + Arrays.toString(validation) + ",\"test\":"
          + Arrays.toString(test) + "}\n";
    }
  }

  private PeerSplit() {}

  static Parts holdout(Path csv, double validation, double test, long seed) throws IOException {
    List<String> labels = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      reader.readLine();
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isEmpty()) {
          labels.add(line.substring(line.lastIndexOf(',') + 1).strip());
        }
      }
    }
    return holdout(labels, validation, test, seed);
  }

  static Parts holdout(List<String> labels, double validation, double test, long seed) {
    List<String> classes = List.copyOf(new TreeSet<>(labels));
    int[] classOf = labels.stream().mapToInt(classes::indexOf).toArray();
    Splitter.Parts parts = Splitter.holdout(classOf, classes.size(), validation, test, seed);
    return new Parts(parts.train(), parts.validation(), parts.test());
  }
}
