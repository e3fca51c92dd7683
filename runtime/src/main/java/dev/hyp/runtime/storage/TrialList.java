package dev.hyp.runtime.storage;

import dev.hyp.runtime.trial.FrozenTrial;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One study's trials as {@link InMemoryStorage} keeps them: a list that trials are added to and
 * replaced in (never removed from), and that hands out unchangeable snapshots without copying.
 * A snapshot reads the list's array up to the size it was taken at; adding a trial writes past
 * that size, so it goes into the same array, and only replacing one (a trial finishing) copies
 * the array first, once per snapshot. A sampler asking every trial of a study of 1,000 trials
 * thus costs one array copy per ask and tell instead of two copies per ask. Not thread-safe:
 * the storage's lock guards it; the snapshots are immutable and safe to share.
 */
final class TrialList extends AbstractList<FrozenTrial> implements RandomAccess {
  private FrozenTrial[] items = new FrozenTrial[16];
  private int size;
  /** Whether a snapshot reads {@code items}, so that a place below size may not change in it. */
  private boolean shared;
  /** The snapshot of the list as it is now, or null after a change. */
  private List<FrozenTrial> current;

  @Override
  public FrozenTrial get(int index) {
    Objects.checkIndex(index, size);
    return items[index];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean add(FrozenTrial trial) {
    Objects.requireNonNull(trial);
    if (size == items.length) {
      items = Arrays.copyOf(items, 2 * size);
      shared = false;
    }
    // past every snapshot's size: a snapshot never reads this place
    items[size++] = trial;
    current = null;
    modCount++;
    return true;
  }

  @Override
  public FrozenTrial set(int index, FrozenTrial trial) {
    Objects.checkIndex(index, size);
    Objects.requireNonNull(trial);
    if (shared) {
      items = items.clone();
      shared = false;
    }
    FrozenTrial old = items[index];
    items[index] = trial;
    current = null;
    return old;
  }

  /** The trials as they are now, unchangeable: later additions and replacements do not show in it. */
  List<FrozenTrial> snapshot() {
    if (current == null) {
      current = new Snapshot(items, size);
      shared = true;
    }
    return current;
  }

  private static final class Snapshot extends AbstractList<FrozenTrial> implements RandomAccess {
    private final FrozenTrial[] items;
    private final int size;

    Snapshot(FrozenTrial[] items, int size) {
      this.items = items;
      this.size = size;
    }

    @Override
    public FrozenTrial get(int index) {
      Objects.checkIndex(index, size);
      return items[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
