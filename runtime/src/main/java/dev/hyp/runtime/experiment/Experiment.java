package dev.hyp.runtime.experiment;

import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;

/**
 * What `hyp compile` generates for a spec: its fixed definition, its search space, and for a
 * trial's parameters the network and the training settings. The runtime does the rest.
 *
 * @param <P> the generated record of one trial's parameters
 */
public interface Experiment<P> {
  ExperimentDefinition definition();

  SearchSpace searchSpace();

  P params(ParamValues values);

  /** Adds the trial's layers and settings to a builder made for the run's data. */
  void network(P params, NetworkBuilder network);

  TrialSettings training(P params);
}
