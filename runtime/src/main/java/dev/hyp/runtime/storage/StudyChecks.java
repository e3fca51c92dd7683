package dev.hyp.runtime.storage;

import dev.hyp.runtime.trial.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The rule every storage applies when an existing study is opened again. */
final class StudyChecks {
  private StudyChecks() {}

  static void requireSame(StudyRecord existing, Direction direction, String specHash) {
    requireSame(existing, List.of(direction), List.of(), specHash, false);
  }

  /**
   * The objectives too: their directions, and their names where both sides know them.
   *
   * @param legacy whether {@code existing} was stored before hyp kept every direction (only its
   *     first is known, so only the first is compared)
   */
  static void requireSame(StudyRecord existing, List<Direction> directions, List<String> objectives, String specHash,
      boolean legacy) {
    if (existing.direction() != directions.get(0)) {
      throw new StudyMismatchException("study `" + existing.name() + "` exists and is "
          + existing.direction() + ", not " + directions.get(0) + "; choose another study name");
    }
    boolean sameNames = existing.objectives().isEmpty() || objectives.isEmpty()
        || existing.objectives().equals(objectives);
    if (!legacy && (!existing.directions().equals(directions) || !sameNames)) {
      throw new StudyMismatchException("study `" + existing.name() + "` exists with the objectives "
          + describe(existing.directions(), existing.objectives()) + ", not " + describe(directions, objectives)
          + "; choose another study name");
    }
    if (!Objects.equals(existing.specHash(), specHash)) {
      throw new StudyMismatchException("study `" + existing.name()
          + "` exists with a different search spec; choose another study name to start afresh");
    }
  }

  /** `maximize accuracy on validation, minimize params`; directions alone when the names are not known. */
  static String describe(List<Direction> directions, List<String> objectives) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < directions.size(); i++) {
      String direction = directions.get(i).name().toLowerCase(Locale.ROOT);
      parts.add(i < objectives.size() ? direction + " " + objectives.get(i) : direction);
    }
    return "`" + String.join(", ", parts) + "`";
  }
}
