package dev.hyp.runtime.bench;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;

/** A minimization problem with a known optimum over a search space. */
interface Problem {
  String name();

  double optimum();

  /** The space; with {@code gridPoints} > 0, a finite one of about that many values per number. */
  SearchSpace space(int gridPoints);

  double value(ParamValues params);
}
