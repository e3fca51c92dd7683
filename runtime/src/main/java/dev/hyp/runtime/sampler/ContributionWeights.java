package dev.hyp.runtime.sampler;

import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.Hypervolume;
import dev.hyp.runtime.trial.Objectives;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much each good trial counts in MOTPE's model of the good region, as in Optuna's MOTPE: its
 * share of the good trials' hypervolume (what the hypervolume loses without it), relative to the
 * largest share. The reference point is just beyond the good trials' worst loss in each objective.
 * A dominated or infeasible good trial adds nothing to the hypervolume and gets a negligible
 * weight, so the model concentrates on the spread of the front itself.
 */
final class ContributionWeights {
  private static final double EPS = 1e-12;

  private ContributionWeights() {}

  /** One weight in (0, 1] per trial of {@code good}, in its order. */
  static double[] of(List<FrozenTrial> good, Objectives objectives) {
    double[] weights = new double[good.size()];
    List<double[]> losses = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < good.size(); i++) {
      if (good.get(i).isFeasible()) {
        losses.add(objectives.losses(good.get(i)));
        at.add(i);
      }
    }
    if (losses.size() <= 1) {
      // nothing to compare: the good trials count alike
      Arrays.fill(weights, 1);
      return weights;
    }
    double[] reference = reference(losses);
    double all = Hypervolume.of(losses, reference);
    if (!Double.isFinite(all)) {
      // an infinite loss leaves no finite volume to share
      Arrays.fill(weights, 1);
      return weights;
    }
    Arrays.fill(weights, EPS);
    double[] contribution = new double[losses.size()];
    double largest = 0;
    for (int i = 0; i < contribution.length; i++) {
      List<double[]> others = new ArrayList<>(losses);
      others.remove(i);
      contribution[i] = Math.max(0, all - Hypervolume.of(others, reference)) + EPS;
      largest = Math.max(largest, contribution[i]);
    }
    for (int i = 0; i < contribution.length; i++) {
      weights[at.get(i)] = Math.min(1, contribution[i] / largest);
    }
    return weights;
  }

  /** Optuna's: the worst loss in each objective, pushed 10% further out (and off zero). */
  private static double[] reference(List<double[]> losses) {
    double[] reference = losses.get(0).clone();
    for (double[] l : losses) {
      for (int m = 0; m < reference.length; m++) {
        reference[m] = Math.max(reference[m], l[m]);
      }
    }
    for (int m = 0; m < reference.length; m++) {
      reference[m] = Math.max(1.1 * reference[m], 0.9 * reference[m]);
      reference[m] = reference[m] == 0 ? EPS : reference[m];
    }
    return reference;
  }
}
