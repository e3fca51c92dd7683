package dev.hyp.runtime.version;

import java.util.List;

/**
 * What an edit of a spec means for its study, decided from the two versions' meanings.
 *
 * @param kind which of the three classes the edit falls into (or none)
 * @param reason the change in a few words, such as "the search changed: `lr`" (empty when the same)
 * @param slots places of the model and training where a parameter stands on one side and a value
 *     or another parameter on the other: what an earlier trial's values become in the new version
 */
public record Edit(Kind kind, String reason, List<Slot> slots) {

  public enum Kind {
    /** Nothing that matters changed: the study continues. */
    SAME,
    /** Only the budget or how fast to run (trials, parallel, timeout, target, max_failures): the study continues. */
    BUDGET,
    /** The search changed: a new version, carrying every earlier trial that is a point of the new space. */
    SEARCH,
    /** What the values mean changed (data, model, training, objective, seed): a new version, nothing carried. */
    MEANING;

    public boolean continues() {
      return this == SAME || this == BUDGET;
    }
  }

  /** One place: what was there before and what is there now, one of them a parameter. */
  public record Slot(com.fasterxml.jackson.databind.JsonNode before, com.fasterxml.jackson.databind.JsonNode now) {}

  public Edit {
    slots = List.copyOf(slots);
  }
}
