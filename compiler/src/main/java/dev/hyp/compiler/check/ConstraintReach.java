package dev.hyp.compiler.check;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.Constraint;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.source.Span;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports (HYP069) a `params <= N` bound below the smallest network the spec's ranges allow:
 * every trial would be rejected before training. The smallest network is {@link MemoryChecker}'s
 * (each size at its lowest, one input feature and one output unit unless the spec says), a lower
 * bound of every trial's parameters, so the error is never wrong.
 */
final class ConstraintReach {
  private ConstraintReach() {}

  static void check(CheckedExperiment experiment, List<Span> spans, Diagnostics diagnostics) {
    for (int i = 0; i < experiment.constraints().size(); i++) {
      Constraint c = experiment.constraints().get(i);
      if (!c.measure().equals("params") || !c.atMost()) {
        continue;
      }
      DataSpec.ImageShape image = experiment.data().shape();
      long[] shape = image == null ? null : new long[] {image.height(), image.width(), image.channels()};
      Optional<MemoryChecker.SmallestNetwork> smallest = MemoryChecker.smallest(experiment.model(),
          experiment.params(), 1, shape, 1);
      if (smallest.isPresent() && !smallest.get().layers().isEmpty() && smallest.get().parameters() > c.bound()) {
        diagnostics.add(Diagnostic.error(Code.HYP069, spans.get(i), String.format(Locale.ROOT,
                "no trial can meet `params <= %s`: the smallest network the ranges allow has %,d parameters",
                Literals.format(c.bound()), smallest.get().parameters()))
            .label("below the smallest network")
            .help("raise the bound, or lower the sizes' ranges")
            .build());
      }
    }
  }
}
