package dev.hyp.runtime.bench.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The rows hyp's `holdout(validation, test)` gives a CSV whose last column is a class label and
 * whose every row has one, computed as {@code data.Splitter} does (classes sorted, each shuffled
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
    Random random = new Random(seed);
    List<int[]> groups = new ArrayList<>();
    for (String c : classes) {
      int[] members = new int[labels.size()];
      int n = 0;
      for (int i = 0; i < labels.size(); i++) {
        if (labels.get(i).equals(c)) {
          members[n++] = i;
        }
      }
      members = Arrays.copyOf(members, n);
      for (int i = members.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = members[i];
        members[i] = members[j];
        members[j] = t;
      }
      groups.add(members);
    }
    int size = labels.size();
    int[] testCounts = apportion(groups, (int) Math.round(size * test), test);
    int[] validationCounts = apportion(groups, (int) Math.round(size * validation), validation);
    List<Integer> train = new ArrayList<>();
    List<Integer> valid = new ArrayList<>();
    List<Integer> held = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      int[] rows = groups.get(g);
      int t = testCounts[g];
      int v = Math.min(validationCounts[g], rows.length - t);
      for (int i = 0; i < rows.length; i++) {
        (i < t ? held : i < t + v ? valid : train).add(rows[i]);
      }
    }
    return new Parts(sorted(train), sorted(valid), sorted(held));
  }

  private static int[] apportion(List<int[]> groups, int total, double fraction) {
    int[] counts = new int[groups.size()];
    double[] remainders = new double[groups.size()];
    int assigned = 0;
    for (int g = 0; g < groups.size(); g++) {
      double exact = groups.get(g).length * fraction;
      counts[g] = (int) Math.floor(exact);
      remainders[g] = exact - counts[g];
      assigned += counts[g];
    }
    while (assigned < total) {
      int best = -1;
      for (int g = 0; g < groups.size(); g++) {
        if (counts[g] < groups.get(g).length && (best < 0 || remainders[g] > remainders[best])) {
          best = g;
        }
      }
      if (best < 0) {
        break;
      }
      counts[best]++;
      remainders[best] = -1;
      assigned++;
    }
    return counts;
  }

  private static int[] sorted(List<Integer> rows) {
    int[] a = rows.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    return a;
  }
}
