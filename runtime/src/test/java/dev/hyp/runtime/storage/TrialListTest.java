package dev.hyp.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of the in-memory storage's trials stays as it was taken while trials are added and
 * replaced after it (past several chunks), however many snapshots share its arrays, and cannot be changed.
 */
class TrialListTest {
  @Test
  void aSnapshotKeepsTheTrialsAsTheyWereWhenTaken() {
    SplittableRandom random = new SplittableRandom(2);
    TrialList list = new TrialList();
    List<FrozenTrial> mirror = new ArrayList<>();
    List<List<FrozenTrial>> snapshots = new ArrayList<>();
    List<List<FrozenTrial>> expected = new ArrayList<>();
    for (int step = 0; step < 2400; step++) {
      int op = random.nextInt(4);
      if (op == 0 || mirror.isEmpty()) {
        FrozenTrial t = trial(mirror.size(), TrialState.RUNNING);
        list.add(t);
        mirror.add(t);
      } else if (op == 1) {
        int i = random.nextInt(mirror.size());
        FrozenTrial t = trial(i, TrialState.COMPLETE);
        assertSame(mirror.get(i), list.set(i, t));
        mirror.set(i, t);
      } else {
        List<FrozenTrial> snapshot = list.snapshot();
        if (op == 3) {
          assertSame(snapshot, list.snapshot(), "no change since: the same snapshot");
        }
        snapshots.add(snapshot);
        expected.add(List.copyOf(mirror));
      }
      assertEquals(mirror, list);
    }
    for (int s = 0; s < snapshots.size(); s++) {
      assertEquals(expected.get(s), snapshots.get(s), "snapshot " + s);
      assertEquals(expected.get(s).size(), snapshots.get(s).size());
    }
    List<FrozenTrial> last = snapshots.get(snapshots.size() - 1);
    assertThrows(UnsupportedOperationException.class, () -> last.set(0, trial(0, TrialState.FAILED)));
    assertThrows(UnsupportedOperationException.class, () -> last.add(trial(0, TrialState.FAILED)));
    assertThrows(IndexOutOfBoundsException.class, () -> last.get(last.size()));
  }

  private static FrozenTrial trial(int number, TrialState state) {
    return new FrozenTrial(number, state, ParamValues.empty(), state == TrialState.COMPLETE ? 1.0 : null, null,
        new TreeMap<>(), "me", Instant.EPOCH, null);
  }
}
