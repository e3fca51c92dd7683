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
 * The trials sit in chunks of {@value #CHUNK}; a snapshot holds the array of chunks and its size
 * and reads nothing past that size. Adding a trial writes past every snapshot's size, so it needs
 * no copy; replacing one (a trial finishing) copies, once per snapshot, the array of chunks and
 * the one chunk it is in. A sampler that reads every trial of a study of 1,000 on each ask thus
 * costs some 80 references copied per ask and tell instead of two copies of all 1,000. Not
 * thread-safe: the storage's lock guards it; the snapshots are immutable and safe to share.
 */
final class TrialList extends AbstractList<FrozenTrial> implements RandomAccess {
  static final int CHUNK = 64;
  private static final int SHIFT = 6;

  private FrozenTrial[][] chunks = new FrozenTrial[4][];
  private int size;
  /** Whether a snapshot reads {@code chunks}, and by chunk whether one reads that chunk. */
  private boolean chunksShared;
  private boolean[] chunkShared = new boolean[4];
  /** The snapshot of the list as it is now, or null after a change. */
  private List<FrozenTrial> current;

  @Override
  public FrozenTrial get(int index) {
    Objects.checkIndex(index, size);
    return chunks[index >>> SHIFT][index & (CHUNK - 1)];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean add(FrozenTrial trial) {
    Objects.requireNonNull(trial);
    int c = size >>> SHIFT;
    if (c == chunks.length) {
      chunks = Arrays.copyOf(chunks, 2 * c);
      chunkShared = Arrays.copyOf(chunkShared, 2 * c);
      chunksShared = false;
    }
    if (chunks[c] == null) {
      // a chunk past every snapshot's size: no snapshot reads this place in the array of chunks
      chunks[c] = new FrozenTrial[CHUNK];
      chunkShared[c] = false;
    }
    // past every snapshot's size: a snapshot never reads this place
    chunks[c][size & (CHUNK - 1)] = trial;
    size++;
    current = null;
    modCount++;
    return true;
  }

  @Override
  public FrozenTrial set(int index, FrozenTrial trial) {
    Objects.checkIndex(index, size);
    Objects.requireNonNull(trial);
    if (chunksShared) {
      chunks = chunks.clone();
      chunksShared = false;
    }
    int c = index >>> SHIFT;
    if (chunkShared[c]) {
      chunks[c] = chunks[c].clone();
      chunkShared[c] = false;
    }
    FrozenTrial old = chunks[c][index & (CHUNK - 1)];
    chunks[c][index & (CHUNK - 1)] = trial;
    current = null;
    return old;
  }

  /** The trials as they are now, unchangeable: later additions and replacements do not show in it. */
  List<FrozenTrial> snapshot() {
    if (current == null) {
      current = new Snapshot(chunks, size);
      chunksShared = true;
      Arrays.fill(chunkShared, 0, (size + CHUNK - 1) >>> SHIFT, true);
    }
    return current;
  }

  private static final class Snapshot extends AbstractList<FrozenTrial> implements RandomAccess {
    private final FrozenTrial[][] chunks;
    private final int size;

    Snapshot(FrozenTrial[][] chunks, int size) {
      this.chunks = chunks;
      this.size = size;
    }

    @Override
    public FrozenTrial get(int index) {
      Objects.checkIndex(index, size);
      return chunks[index >>> SHIFT][index & (CHUNK - 1)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
