package dev.hyp.runtime.study;

import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link Study#optimize}.
 *
 * @param trials every trial of the study afterwards, earlier runs included
 */
public record StudyResult(StopReason stopReason, Optional<FrozenTrial> best, List<FrozenTrial> trials) {

  public long count(TrialState state) {
    return trials.stream().filter(t -> t.state() == state).count();
  }
}
