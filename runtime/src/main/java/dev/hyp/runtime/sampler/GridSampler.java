package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every point of a finite space, in order: the first parameter varies slowest, like nested loops
 * in declaration order. A conditional parameter only multiplies the branches where it exists.
 * Points already tried (except interrupted trials; carried ones included) are skipped, so a resumed grid carries on.
 * The grid is walked, never listed, so its size costs nothing: an ask visits the points in
 * order up to the first untried one. Asks within one study object are serialized, so its
 * parallel workers never share a point; separate processes asking at the same instant may.
 */
public final class GridSampler implements Sampler {

  @Override
  public ParamValues sample(SamplingContext context) {
    requireFinite(context.space());
    Set<ParamValues> tried = new HashSet<>();
    for (FrozenTrial t : context.trials()) {
      if (!t.isInterrupted()) { // carried trials are tried points too
        tried.add(t.params());
      }
    }
    ParamValues[] found = new ParamValues[1];
    long[] visited = new long[1];
    walk(context.space().params(), 0, ParamValues.empty(), point -> {
      visited[0]++;
      if (tried.contains(point)) {
        return true;
      }
      found[0] = point;
      return false;
    });
    if (found[0] == null) {
      throw new SearchSpaceExhaustedException("all " + visited[0] + " grid points have been tried");
    }
    return found[0];
  }

  /** The number of points of a finite space, counted by walking it (for small grids: tests, tools). */
  public static long size(SearchSpace space) {
    requireFinite(space);
    long[] count = new long[1];
    walk(space.params(), 0, ParamValues.empty(), point -> ++count[0] > 0);
    return count[0];
  }

  private static void requireFinite(SearchSpace space) {
    if (!space.isFinite()) {
      throw new IllegalArgumentException("grid needs a finite space: give every float a step");
    }
  }

  /** Hears the points in order; false stops the walk. */
  private interface Visitor {
    boolean visit(ParamValues point);
  }

  /** @return false when the visitor stopped the walk */
  private static boolean walk(List<ParamSpec> params, int i, ParamValues so, Visitor visitor) {
    if (i == params.size()) {
      return visitor.visit(so);
    }
    ParamSpec spec = params.get(i);
    if (!spec.existsAfter(so)) {
      return walk(params, i + 1, so, visitor);
    }
    long count = spec.distribution().count();
    for (long k = 0; k < count; k++) {
      if (!walk(params, i + 1, so.with(spec.name(), spec.distribution().valueAt(k)), visitor)) {
        return false;
      }
    }
    return true;
  }
}
