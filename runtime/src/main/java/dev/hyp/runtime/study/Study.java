package dev.hyp.runtime.study;

import dev.hyp.runtime.pruner.Pruner;
import dev.hyp.runtime.pruner.Pruners;
import dev.hyp.runtime.sampler.Sampler;
import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.sampler.SamplingContext;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.storage.InMemoryStorage;
import dev.hyp.runtime.storage.Storage;
import dev.hyp.runtime.storage.StudyRecord;
import dev.hyp.runtime.trial.BestTrialOrder;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.Objectives;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A named search over one space: hands out trials ({@link #ask()}), takes their results
 * ({@link #tell}), or drives both itself ({@link #optimize}). Opening a study that exists in the
 * storage continues it; trials left RUNNING by a dead process become FAILED "interrupted" (see
 * {@link ProcessOwner} for how a dead process is recognized).
 */
public final class Study {
  private final Storage storage;
  private final StudyRecord record;
  private final SearchSpace space;
  private final Sampler sampler;
  private final Pruner pruner;
  private final Objectives objectives;
  private final List<StudyListener> listeners = new CopyOnWriteArrayList<>();
  private final Heartbeat heartbeat;
  // asks are serialized so each sampler call sees every trial handed out before it
  private final Object askLock = new Object();
  private volatile boolean stopRequested;

  private Study(Builder b) {
    this.storage = b.storage;
    this.space = b.space;
    this.sampler = b.sampler;
    this.pruner = b.pruner;
    this.objectives = b.objectives != null ? b.objectives : Objectives.single(b.direction);
    this.record = storage.openStudy(b.name, this.objectives.directions(), b.objectiveNames, b.specHash);
    Instant now = Instant.now();
    storage.markInterrupted(record.id(), (owner, lastHeartbeat) -> ProcessOwner.isGone(owner, lastHeartbeat, now));
    this.heartbeat = new Heartbeat(storage, record.id(), ProcessOwner.HEARTBEAT_EVERY);
  }

  public static Builder builder(String name, SearchSpace space) {
    return new Builder(name, space);
  }

  public String name() {
    return record.name();
  }

  public Direction direction() {
    return record.direction();
  }

  /** Every objective's direction; one for a single-objective study. */
  public Objectives objectives() {
    return objectives;
  }

  public SearchSpace space() {
    return space;
  }

  /**
   * Hears every trial start and finish from now on, on the thread that runs the trial; an
   * exception thrown by a listener ends {@link #optimize} with that exception.
   */
  public void addListener(StudyListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /**
   * A new RUNNING trial with sampled parameters, with no trial budget.
   *
   * @throws dev.hyp.runtime.sampler.SearchSpaceExhaustedException when a grid has no point left
   */
  public Trial ask() {
    return ask(Integer.MAX_VALUE).orElseThrow();
  }

  /** A new trial, or empty if the study already holds {@code budget} trials that count. */
  Optional<Trial> ask(int budget) {
    Trial trial;
    synchronized (askLock) {
      List<FrozenTrial> trials = storage.trials(record.id());
      // no study holds Integer.MAX_VALUE trials: an unbounded ask need not count them
      if (budget < Integer.MAX_VALUE && trials.stream().filter(FrozenTrial::countsTowardBudget).count() >= budget) {
        return Optional.empty();
      }
      ParamValues params = sampler.sample(new SamplingContext(space, trials, direction(), trials.size(), objectives));
      OptionalInt number = storage.createTrial(record.id(), params, ProcessOwner.current(), Instant.now(), budget);
      if (number.isEmpty()) {
        return Optional.empty();
      }
      trial = new Trial(this, number.getAsInt(), params);
      heartbeat.started(trial.number());
    }
    FrozenTrial started = frozen(trial);
    listeners.forEach(l -> l.trialStarted(this, started));
    return Optional.of(trial);
  }

  /** Completes the trial with the objective's value; NaN fails it instead. */
  public void tell(Trial trial, double value) {
    if (Double.isNaN(value)) {
      fail(trial, "objective returned NaN");
      return;
    }
    finish(trial, TrialState.COMPLETE, value, null);
  }

  /**
   * Finishes the trial with an objective's outcome. A single-objective feasible outcome is {@link
   * #tell(Trial, double)}; otherwise the trial keeps every value and its violation: COMPLETE when it
   * trained (failed when its first value is NaN), PRUNED with the reason when it was rejected
   * before training.
   */
  public void tell(Trial trial, Outcome outcome) {
    if (!objectives.isMulti() && outcome.violation() <= 0 && outcome.trained() && outcome.reason() == null) {
      if (outcome.validationLoss() == null || Double.isNaN(outcome.first())) {
        tell(trial, outcome.first());
      } else {
        complete(trial, outcome.first(), outcome.validationLoss());
      }
      return;
    }
    if (outcome.trained() && Double.isNaN(outcome.first())) {
      fail(trial, "objective returned NaN");
      return;
    }
    requireOwn(trial);
    TrialState state = outcome.trained() ? TrialState.COMPLETE : TrialState.PRUNED;
    try {
      storage.finishTrial(record.id(), trial.number(), state, outcome.values(), outcome.violation(),
          outcome.reason(), Instant.now());
    } finally {
      heartbeat.finished(trial.number());
    }
    FrozenTrial finished = frozen(trial);
    listeners.forEach(l -> l.trialFinished(this, finished));
  }

  /**
   * Ends the trial PRUNED (its value becomes the last intermediate value) or FAILED (with a
   * generic reason; prefer {@link #fail}).
   */
  public void tell(Trial trial, TrialState state) {
    switch (state) {
      case PRUNED -> {
        FrozenTrial t = frozen(trial);
        Double last = t.intermediate().isEmpty() ? null : t.intermediate().lastEntry().getValue();
        finish(trial, TrialState.PRUNED, last, null);
      }
      case FAILED -> fail(trial, "failed");
      default -> throw new IllegalArgumentException("tell with a state takes PRUNED or FAILED, not " + state);
    }
  }

  /** Ends the trial FAILED, keeping {@code reason}. */
  public void fail(Trial trial, String reason) {
    finish(trial, TrialState.FAILED, null, reason == null ? "failed" : reason);
  }

  /**
   * Asks a running {@link #optimize} to stop: it starts no new trial, and trials whose objective
   * checks {@link Trial#stopRequested()} end early as interrupted. Safe from any thread (a signal
   * handler's).
   */
  public void requestStop() {
    stopRequested = true;
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  /**
   * Marks this process's running trials interrupted, for a process about to exit without waiting
   * for them (a second signal), so that no view shows them running; returns how many.
   */
  public int abandonRunning() {
    String self = ProcessOwner.current();
    return storage.markInterrupted(record.id(), (owner, heartbeat) -> self.equals(owner));
  }

  /**
   * Whether the budget, taken now, may still free up: trials of processes that died are marked
   * interrupted (which returns their places; then true), or trials of other live processes still
   * run (they may die).
   */
  boolean budgetMayFreeUp() {
    Instant now = Instant.now();
    int freed = storage.markInterrupted(record.id(), (owner, heartbeat) -> ProcessOwner.isGone(owner, heartbeat, now));
    if (freed > 0) {
      return true;
    }
    return storage.trials(record.id()).stream()
        .anyMatch(t -> t.state() == TrialState.RUNNING && !ProcessOwner.current().equals(t.owner()));
  }

  /** Runs trials until one of {@code options}' limits is hit. */
  public StudyResult optimize(Objective objective, StudyOptions options) {
    return new OptimizeLoop(this, objective, options).run();
  }

  /** Every trial of the study, earlier runs included, ordered by number. */
  public List<FrozenTrial> trials() {
    return storage.trials(record.id());
  }

  /**
   * The best COMPLETE (and feasible) trial so far, by the first objective; ties go to the lower
   * validation loss, then the earlier trial ({@link BestTrialOrder}).
   */
  public Optional<FrozenTrial> bestTrial() {
    return new BestTrialOrder(direction()).best(trials());
  }

  void report(Trial trial, int step, double value) {
    requireOwn(trial);
    storage.reportIntermediate(record.id(), trial.number(), step, value);
  }

  boolean shouldPrune(Trial trial) {
    requireOwn(trial);
    List<FrozenTrial> trials = storage.trials(record.id());
    return pruner.shouldPrune(trials.get(trial.number()), trials, direction());
  }

  FrozenTrial frozen(Trial trial) {
    return storage.trial(record.id(), trial.number());
  }

  /** Completes a single-objective trial with its model's validation loss, the tie-break of the best trial. */
  private void complete(Trial trial, double value, double validationLoss) {
    requireOwn(trial);
    try {
      storage.completeTrial(record.id(), trial.number(), value, validationLoss, Instant.now());
    } finally {
      heartbeat.finished(trial.number());
    }
    FrozenTrial finished = frozen(trial);
    listeners.forEach(l -> l.trialFinished(this, finished));
  }

  private void finish(Trial trial, TrialState state, Double value, String reason) {
    requireOwn(trial);
    try {
      storage.finishTrial(record.id(), trial.number(), state, value, reason, Instant.now());
    } finally {
      heartbeat.finished(trial.number());
    }
    FrozenTrial finished = frozen(trial);
    listeners.forEach(l -> l.trialFinished(this, finished));
  }

  private void requireOwn(Trial trial) {
    if (trial.study() != this) {
      throw new IllegalArgumentException("trial " + trial.number() + " belongs to another study");
    }
  }

  /** Configures a study; {@link #open()} creates it or continues the stored one of that name. */
  public static final class Builder {
    private final String name;
    private final SearchSpace space;
    private Direction direction = Direction.MINIMIZE;
    private Objectives objectives;
    private List<String> objectiveNames = List.of();
    private Sampler sampler;
    private Pruner pruner = Pruners.create("none", Map.of());
    private Storage storage;
    private String specHash = "";

    private Builder(String name, SearchSpace space) {
      this.name = Objects.requireNonNull(name);
      this.space = Objects.requireNonNull(space);
    }

    /** Default: {@link Direction#MINIMIZE}. */
    public Builder direction(Direction direction) {
      this.direction = Objects.requireNonNull(direction);
      return this;
    }

    /** Several objectives (the first sets {@link #direction}); default: the one direction. */
    public Builder objectives(Objectives objectives) {
      this.objectives = Objects.requireNonNull(objectives);
      this.direction = objectives.directions().get(0);
      return this;
    }

    /**
     * Each objective's name ({@code accuracy on validation}, {@code params}), kept with the study so
     * that reopening it with other objectives is refused; default: not known (directions only).
     */
    public Builder objectiveNames(List<String> names) {
      this.objectiveNames = List.copyOf(names);
      return this;
    }

    /** Default: {@code random} with seed 0, the language's default strategy. */
    public Builder sampler(Sampler sampler) {
      this.sampler = Objects.requireNonNull(sampler);
      return this;
    }

    /** Default: {@code none}. */
    public Builder pruner(Pruner pruner) {
      this.pruner = Objects.requireNonNull(pruner);
      return this;
    }

    /** Default: a new {@link InMemoryStorage}; the caller closes a storage it passes. */
    public Builder storage(Storage storage) {
      this.storage = Objects.requireNonNull(storage);
      return this;
    }

    /** A hash of the experiment's spec; reopening the study with another hash is refused. */
    public Builder specHash(String specHash) {
      this.specHash = Objects.requireNonNull(specHash);
      return this;
    }

    public Study open() {
      if (sampler == null) {
        sampler = Samplers.create("random", Map.of(), 0);
      }
      if (storage == null) {
        storage = new InMemoryStorage();
      }
      return new Study(this);
    }
  }
}
