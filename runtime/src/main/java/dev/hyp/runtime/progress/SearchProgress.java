package dev.hyp.runtime.progress;

import dev.hyp.runtime.trial.BestTrialOrder;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a search stands: trials done against the budget, running, pruned, failed, and the best
 * value. Trial threads update it at once, so every method is synchronized.
 */
final class SearchProgress {
  private final Integer budget;
  private final BestTrialOrder order;
  private final Clock clock;
  private final Instant start;
  private int done;
  private int doneBefore;
  private int running;
  private int pruned;
  private int failed;
  private FrozenTrial best;

  /** @param earlier the study's trials before this run (a resumed study counts them) */
  SearchProgress(Integer budget, Direction direction, List<FrozenTrial> earlier, Clock clock) {
    this.budget = budget;
    this.order = new BestTrialOrder(direction);
    this.clock = clock;
    this.start = clock.instant();
    earlier.stream().filter(t -> t.state() != TrialState.RUNNING).forEach(this::count);
    doneBefore = done;
  }

  synchronized void started() {
    running++;
  }

  synchronized void finished(FrozenTrial trial) {
    running = Math.max(0, running - 1);
    count(trial);
  }

  synchronized ProgressSnapshot snapshot() {
    Duration elapsed = Duration.between(start, clock.instant());
    int finishedHere = done - doneBefore;
    Duration eta = null;
    if (budget != null && finishedHere > 0) {
      // throughput so far (parallel trials included) times what is left
      eta = elapsed.multipliedBy(Math.max(0, budget - done)).dividedBy(finishedHere);
    }
    return new ProgressSnapshot(done, budget, running, pruned, failed, best == null ? null : best.value(),
        best == null ? -1 : best.number(), elapsed, eta);
  }

  private void count(FrozenTrial trial) {
    if (!trial.countsTowardBudget()) {
      return;
    }
    done++;
    switch (trial.state()) {
      case PRUNED -> pruned++;
      case FAILED -> failed++;
      case COMPLETE -> {
        if (BestTrialOrder.isCandidate(trial) && (best == null || order.compare(trial, best) < 0)) {
          best = trial;
        }
      }
      default -> { }
    }
  }
}
