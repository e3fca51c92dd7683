package dev.hyp.runtime.storage;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/** Keeps everything in this JVM; lost when it exits. The default for ad-hoc ask/tell use. */
public final class InMemoryStorage implements Storage {
  private final Map<String, StudyRecord> studiesByName = new HashMap<>();
  private final List<TrialList> trialsByStudy = new ArrayList<>();
  // last heartbeat per study and trial number, for trials that have had one
  private final Map<Long, Map<Integer, Instant>> heartbeats = new HashMap<>();

  @Override
  public synchronized StudyRecord openStudy(String name, Direction direction, String specHash) {
    return openStudy(name, List.of(direction), List.of(), specHash);
  }

  @Override
  public synchronized StudyRecord openStudy(String name, List<Direction> directions, List<String> objectives,
      String specHash) {
    StudyRecord existing = studiesByName.get(name);
    if (existing != null) {
      StudyChecks.requireSame(existing, directions, objectives, specHash, false);
      return existing;
    }
    StudyRecord created = new StudyRecord(trialsByStudy.size(), name, directions.get(0), specHash, directions,
        objectives);
    trialsByStudy.add(new TrialList());
    studiesByName.put(name, created);
    return created;
  }

  @Override
  public synchronized Optional<StudyRecord> findStudy(String name) {
    return Optional.ofNullable(studiesByName.get(name));
  }

  @Override
  public synchronized OptionalInt createTrial(long studyId, ParamValues params, String owner,
      Instant startedAt, int budget) {
    List<FrozenTrial> trials = trials0(studyId);
    // no study holds Integer.MAX_VALUE trials: an unbounded ask need not count them
    if (budget < Integer.MAX_VALUE && trials.stream().filter(FrozenTrial::countsTowardBudget).count() >= budget) {
      return OptionalInt.empty();
    }
    int number = trials.size();
    trials.add(new FrozenTrial(number, TrialState.RUNNING, params, null, null, new TreeMap<>(), owner, startedAt, null));
    return OptionalInt.of(number);
  }

  @Override
  public synchronized void reportIntermediate(long studyId, int number, int step, double value) {
    FrozenTrial t = running(studyId, number);
    TreeMap<Integer, Double> values = new TreeMap<>(t.intermediate());
    values.put(step, value);
    replace(studyId, new FrozenTrial(t.number(), t.state(), t.params(), t.value(), t.reason(), values,
        t.owner(), t.startedAt(), t.finishedAt(), t.carriedFrom(), t.values(), t.violation(), t.validationLoss()));
  }

  @Override
  public synchronized void finishTrial(long studyId, int number, TrialState state, Double value,
      String reason, Instant finishedAt) {
    FrozenTrial t = running(studyId, number);
    replace(studyId, new FrozenTrial(t.number(), state, t.params(), value, reason, t.intermediate(),
        t.owner(), t.startedAt(), finishedAt, t.carriedFrom(), t.values(), t.violation(), t.validationLoss()));
  }

  @Override
  public synchronized void completeTrial(long studyId, int number, double value, Double validationLoss,
      Instant finishedAt) {
    finishTrial(studyId, number, TrialState.COMPLETE, value, null, finishedAt);
    replace(studyId, trial(studyId, number).withValidationLoss(validationLoss));
  }

  @Override
  public synchronized void finishTrial(long studyId, int number, TrialState state, List<Double> values,
      Double violation, String reason, Instant finishedAt) {
    finishTrial(studyId, number, state, ValuesJson.firstValue(values), reason, finishedAt);
    replace(studyId, trial(studyId, number).withOutcome(values, violation));
  }

  @Override
  public synchronized int carryTrial(long studyId, FrozenTrial finished, ParamValues params, String carriedFrom) {
    List<FrozenTrial> trials = trials0(studyId);
    int number = trials.size();
    trials.add(new FrozenTrial(number, finished.state(), params, finished.value(), finished.reason(),
        finished.intermediate(), finished.owner(), finished.startedAt(), finished.finishedAt(), carriedFrom,
        finished.values(), finished.violation(), finished.validationLoss()));
    return number;
  }

  @Override
  public synchronized List<FrozenTrial> trials(long studyId) {
    return trials0(studyId).snapshot();
  }

  @Override
  public synchronized FrozenTrial trial(long studyId, int number) {
    List<FrozenTrial> trials = trials0(studyId);
    if (number < 0 || number >= trials.size()) {
      throw new IllegalArgumentException("no trial " + number + " in study " + studyId);
    }
    return trials.get(number);
  }

  @Override
  public synchronized void heartbeat(long studyId, Collection<Integer> numbers, Instant now) {
    List<FrozenTrial> trials = trials0(studyId);
    for (int number : numbers) {
      if (number >= 0 && number < trials.size() && trials.get(number).state() == TrialState.RUNNING) {
        heartbeats.computeIfAbsent(studyId, id -> new HashMap<>()).put(number, now);
      }
    }
  }

  @Override
  public synchronized int markInterrupted(long studyId, BiPredicate<String, Instant> gone) {
    int marked = 0;
    Map<Integer, Instant> beats = heartbeats.getOrDefault(studyId, Map.of());
    for (FrozenTrial t : trials0(studyId).snapshot()) {
      if (t.state() == TrialState.RUNNING && gone.test(t.owner(), beats.getOrDefault(t.number(), t.startedAt()))) {
        finishTrial(studyId, t.number(), TrialState.FAILED, null, FrozenTrial.INTERRUPTED, Instant.now());
        marked++;
      }
    }
    return marked;
  }

  @Override
  public void close() {}

  private TrialList trials0(long studyId) {
    if (studyId < 0 || studyId >= trialsByStudy.size()) {
      throw new IllegalArgumentException("no study with id " + studyId);
    }
    return trialsByStudy.get((int) studyId);
  }

  /** The trial, if it is still open: RUNNING, or interrupted while its process lived on. */
  private FrozenTrial running(long studyId, int number) {
    FrozenTrial t = trial(studyId, number);
    if (t.state() != TrialState.RUNNING && !t.isInterrupted()) {
      throw new IllegalStateException("trial " + number + " is already " + t.state());
    }
    return t;
  }

  private void replace(long studyId, FrozenTrial t) {
    trials0(studyId).set(t.number(), t);
  }
}
