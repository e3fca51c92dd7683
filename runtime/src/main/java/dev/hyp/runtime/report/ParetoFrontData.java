package dev.hyp.runtime.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.Hypervolume;
import dev.hyp.runtime.trial.ObjectiveName;
import dev.hyp.runtime.trial.Objectives;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The report's view of a search with several objectives: each trial's objectives and
 * feasibility, which trials are the Pareto front, and the hypervolume after each trial.
 *
 * <p>The hypervolume's reference point is fixed for the whole curve, so the curve never falls:
 * per objective, the worst value among the complete feasible trials plus 10% of their range (1%
 * of the worst's size, or 1, when they all agree), so every front trial adds to it.
 */
final class ParetoFrontData {
  /** How far past the worst feasible value the reference point sits, as a share of the range. */
  static final double REFERENCE_MARGIN = 0.1;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ParetoFrontData() {}

  static ObjectNode of(List<FrozenTrial> trials, List<ObjectiveName> names) {
    Objectives objectives = new Objectives(names.stream().map(ObjectiveName::direction).toList());
    Set<Integer> front = new HashSet<>();
    objectives.front(trials).forEach(t -> front.add(t.number()));
    List<double[]> feasible = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (counts(t, objectives)) {
        feasible.add(objectives.losses(t));
      }
    }
    double[] reference = reference(feasible, names.size());
    ObjectNode root = NODES.objectNode();
    ArrayNode objectiveNodes = root.putArray("objectives");
    for (ObjectiveName name : names) {
      objectiveNodes.addObject().put("label", name.label()).put("maximize", name.direction() == Direction.MAXIMIZE);
    }
    ArrayNode referenceNode = root.putArray("reference");
    for (int i = 0; i < names.size(); i++) {
      // back from a loss to the objective's own sign
      referenceNode.add(names.get(i).direction() == Direction.MAXIMIZE ? -reference[i] : reference[i]);
    }
    ArrayNode trialNodes = root.putArray("trials");
    ArrayNode hypervolume = root.putArray("hypervolume");
    List<double[]> seen = new ArrayList<>();
    for (FrozenTrial t : trials) {
      ObjectNode node = trialNodes.addObject();
      node.put("number", t.number());
      node.put("state", t.state().name().toLowerCase(java.util.Locale.ROOT));
      ArrayNode values = node.putArray("values");
      for (int i = 0; i < names.size(); i++) {
        double v = t.objectiveValue(i);
        if (Double.isFinite(v)) {
          values.add(v);
        } else {
          values.addNull();
        }
      }
      node.put("feasible", t.isFeasible());
      if (t.violation() == null) {
        node.putNull("violation");
      } else {
        node.put("violation", t.violation());
      }
      node.put("reason", t.reason());
      node.put("front", front.contains(t.number()));
      if (counts(t, objectives)) {
        seen.add(objectives.losses(t));
      }
      hypervolume.addArray().add(t.number()).add(seen.isEmpty() ? 0 : Hypervolume.of(seen, reference));
    }
    return root;
  }

  /** Whether a trial is one the front and the hypervolume are made of: complete, feasible, every objective measured. */
  private static boolean counts(FrozenTrial t, Objectives objectives) {
    if (t.state() != TrialState.COMPLETE || !t.isFeasible()) {
      return false;
    }
    for (double loss : objectives.losses(t)) {
      if (!Double.isFinite(loss)) {
        return false;
      }
    }
    return true;
  }

  private static double[] reference(List<double[]> losses, int size) {
    double[] reference = new double[size];
    for (int i = 0; i < size; i++) {
      double worst = Double.NEGATIVE_INFINITY;
      double best = Double.POSITIVE_INFINITY;
      for (double[] l : losses) {
        worst = Math.max(worst, l[i]);
        best = Math.min(best, l[i]);
      }
      if (losses.isEmpty()) {
        reference[i] = 0;
        continue;
      }
      double range = worst - best;
      double margin = range > 0 ? REFERENCE_MARGIN * range : Math.abs(worst) > 0 ? 0.01 * Math.abs(worst) : 1;
      reference[i] = worst + margin;
    }
    return reference;
  }
}
