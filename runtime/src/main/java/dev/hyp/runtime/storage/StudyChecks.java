package dev.hyp.runtime.storage;

import dev.hyp.runtime.trial.Direction;
import java.util.Objects;

/** The rule every storage applies when an existing study is opened again. */
final class StudyChecks {
  private StudyChecks() {}

  static void requireSame(StudyRecord existing, Direction direction, String specHash) {
    if (existing.direction() != direction) {
      throw new StudyMismatchException("study `" + existing.name() + "` exists and is "
          + existing.direction() + ", not " + direction + "; choose another study name");
    }
    if (!Objects.equals(existing.specHash(), specHash)) {
      throw new StudyMismatchException("study `" + existing.name()
          + "` exists with a different search spec; choose another study name to start afresh");
    }
  }
}
