package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every point of a finite space, in order: the first parameter varies slowest, like nested loops
 * in declaration order. A conditional parameter only multiplies the branches where it exists.
 * Points already tried (except interrupted trials) are skipped, so a resumed grid carries on.
 * Asks within one study object are serialized, so its parallel workers never share a point;
 * separate processes asking at the same instant may.
 */
public final class GridSampler implements Sampler {
  /** Larger grids are refused rather than filling the heap. */
  static final int MAX_POINTS = 5_000_000;

  private volatile Grid cached;

  @Override
  public ParamValues sample(SamplingContext context) {
    List<ParamValues> points = grid(context.space());
    Set<ParamValues> tried = new HashSet<>();
    for (FrozenTrial t : context.trials()) {
      if (t.countsTowardBudget()) {
        tried.add(t.params());
      }
    }
    for (ParamValues p : points) {
      if (!tried.contains(p)) {
        return p;
      }
    }
    throw new SearchSpaceExhaustedException("all " + points.size() + " grid points have been tried");
  }

  /** The number of points of a finite space. */
  public static int size(SearchSpace space) {
    return enumerate(space).size();
  }

  private List<ParamValues> grid(SearchSpace space) {
    Grid g = cached;
    if (g == null || g.space != space) {
      g = new Grid(space, enumerate(space));
      cached = g;
    }
    return g.points;
  }

  static List<ParamValues> enumerate(SearchSpace space) {
    if (!space.isFinite()) {
      throw new IllegalArgumentException("grid needs a finite space: give every float a step");
    }
    List<ParamValues> out = new ArrayList<>();
    expand(space.params(), 0, ParamValues.empty(), out);
    return out;
  }

  private static void expand(List<ParamSpec> params, int i, ParamValues so, List<ParamValues> out) {
    if (i == params.size()) {
      if (out.size() >= MAX_POINTS) {
        throw new IllegalArgumentException("grid has more than " + MAX_POINTS + " points");
      }
      out.add(so);
      return;
    }
    ParamSpec spec = params.get(i);
    if (!spec.existsAfter(so)) {
      expand(params, i + 1, so, out);
      return;
    }
    for (Object v : spec.distribution().enumerate()) {
      expand(params, i + 1, so.with(spec.name(), v), out);
    }
  }

  private record Grid(SearchSpace space, List<ParamValues> points) {}
}
