package dev.hyp.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded splits of a table's rows into index sets. Classification splits are stratified: each
 * class is shuffled and divided on its own, so every part keeps the class proportions (to within
 * one row per class). The same seed gives the same split on every JVM.
 */
public final class Splitter {
  private Splitter() {}

  /** Row indexes of the parts of one split. {@code test} is empty when nothing is held out. */
  public record Parts(int[] train, int[] validation, int[] test) {}

  /** The holdout split of {@code table}. Each non-empty part gets at least one row of each class where possible. */
  public static Parts holdout(Table table, Split.Holdout holdout, long seed) {
    Parts parts = holdout(groups(table, seed), table.size(), holdout.validation(), holdout.test());
    if (parts.train().length == 0 || parts.validation().length == 0) {
      throw new DataException(table.file(), 0, null, "too few rows (" + table.size() + ") for a validation part of "
          + holdout.validation() + " and a training part");
    }
    return parts;
  }

  /**
   * The holdout split {@link #holdout(Table, Split.Holdout, long)} gives rows whose classes are
   * {@code classOf} (indexes below {@code classes}), for a peer that must use the same rows.
   */
  public static Parts holdout(int[] classOf, int classes, double validation, double test, long seed) {
    return holdout(classGroups(classOf, classes, new Random(seed)), classOf.length, validation, test);
  }

  private static Parts holdout(List<int[]> groups, int n, double validationFraction, double testFraction) {
    int[] partOf = new int[n]; // TRAIN, VALIDATION or TEST: the parts are then read off in row order
    // Largest-remainder rounding over all groups keeps the part sizes at round(n * fraction).
    int[] testCounts = apportion(groups, (int) Math.round(n * testFraction), testFraction);
    int[] validationCounts = apportion(groups, (int) Math.round(n * validationFraction), validationFraction);
    for (int g = 0; g < groups.size(); g++) {
      int[] rows = groups.get(g);
      int t = testCounts[g];
      int v = Math.min(validationCounts[g], rows.length - t);
      for (int i = 0; i < rows.length; i++) {
        partOf[rows[i]] = i < t ? TEST : i < t + v ? VALIDATION : TRAIN;
      }
    }
    return new Parts(rowsOf(partOf, TRAIN, false), rowsOf(partOf, VALIDATION, false), rowsOf(partOf, TEST, false));
  }

  private static final int TRAIN = 0;
  private static final int VALIDATION = 1;
  private static final int TEST = 2;

  /** The rows whose part is {@code part} (or, with {@code other}, is not), ascending. */
  private static int[] rowsOf(int[] partOf, int part, boolean other) {
    int count = 0;
    for (int p : partOf) {
      count += (p == part) != other ? 1 : 0;
    }
    int[] rows = new int[count];
    int n = 0;
    for (int i = 0; i < partOf.length; i++) {
      if ((partOf[i] == part) != other) {
        rows[n++] = i;
      }
    }
    return rows;
  }

  /** The k folds of {@code table}: fold f validates on the f-th slice of every (shuffled) class. */
  public static List<Parts> kfold(Table table, Split.KFold kfold, long seed) {
    int k = kfold.folds();
    if (table.size() < k) {
      throw new DataException(table.file(), 0, null, "too few rows (" + table.size() + ") for " + k + " folds");
    }
    List<int[]> groups = groups(table, seed);
    int[] foldOf = new int[table.size()];
    // deal the rows of each class round-robin, continuing where the previous class stopped
    int next = 0;
    for (int[] rows : groups) {
      for (int row : rows) {
        foldOf[row] = next;
        next = (next + 1) % k;
      }
    }
    List<Parts> parts = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      parts.add(new Parts(rowsOf(foldOf, f, true), rowsOf(foldOf, f, false), new int[0]));
    }
    return parts;
  }

  /** Shuffled row indexes, one group per class (classification) or a single group (regression). */
  private static List<int[]> groups(Table table, long seed) {
    Random random = new Random(seed);
    if (table.task() == Task.CLASSIFICATION) {
      int[] classOf = new int[table.size()];
      for (int i = 0; i < classOf.length; i++) {
        classOf[i] = table.classOf(i);
      }
      return classGroups(classOf, table.classes().size(), random);
    }
    int[] all = new int[table.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    shuffle(all, random);
    List<int[]> groups = new ArrayList<>();
    groups.add(all);
    return groups;
  }

  /** One shuffled group of row indexes per class, in class order. */
  private static List<int[]> classGroups(int[] classOf, int classes, Random random) {
    int[] counts = new int[classes];
    for (int c : classOf) {
      counts[c]++;
    }
    int[][] members = new int[classes][];
    for (int c = 0; c < classes; c++) {
      members[c] = new int[counts[c]];
    }
    int[] fill = new int[classes];
    for (int i = 0; i < classOf.length; i++) {
      members[classOf[i]][fill[classOf[i]]++] = i;
    }
    List<int[]> groups = new ArrayList<>();
    for (int[] m : members) {
      shuffle(m, random);
      groups.add(m);
    }
    return groups;
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

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

}
