package dev.hyp.runtime.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.ObjectiveName;
import dev.hyp.runtime.trial.Objectives;
import dev.hyp.runtime.trial.TrialFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * `hyp best` of a search with several objectives: the Pareto front (the complete, feasible
 * trials no other dominates), each with its objectives and parameters, and the trial a rule picks
 * from it ({@link PickRule}).
 */
public final class ParetoFrontView {
  private final List<ObjectiveName> objectives;
  private final List<FrozenTrial> front;
  private final PickRule rule;
  private final Optional<FrozenTrial> picked;
  private final int infeasible;

  public ParetoFrontView(List<FrozenTrial> trials, List<ObjectiveName> objectives, PickRule rule) {
    this.objectives = List.copyOf(objectives);
    this.front = new Objectives(objectives.stream().map(ObjectiveName::direction).toList()).front(trials);
    this.rule = rule;
    this.picked = rule.pick(front, objectives);
    this.infeasible = (int) trials.stream().filter(t -> !t.isFeasible()).count();
  }

  public List<FrozenTrial> front() {
    return front;
  }

  public Optional<FrozenTrial> picked() {
    return picked;
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "pareto front: %d trial%s (%s)%s%n", front.size(),
        front.size() == 1 ? "" : "s", String.join(", ", objectives.stream().map(o ->
            o.direction().name().toLowerCase(Locale.ROOT) + " " + o.label()).toList()),
        infeasible == 0 ? "" : "; " + infeasible + " infeasible trial" + (infeasible == 1 ? "" : "s") + " left out"));
    for (FrozenTrial t : front) {
      out.append(String.format(Locale.ROOT, "%s trial %3d  ", picked.filter(p -> p == t).isPresent() ? "*" : " ",
          t.number()));
      for (int i = 0; i < objectives.size(); i++) {
        out.append(objectives.get(i).column()).append('=').append(TrialFormat.value(t.objectiveValue(i))).append("  ");
      }
      out.append(params(t)).append('\n');
    }
    out.append(picked.map(p -> "picked: trial " + p.number() + " by `" + rule.text() + "`")
        .orElse("picked: no front trial meets `" + rule.text() + "`")).append('\n');
    return out.toString();
  }

  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("objectives", objectives.stream().map(o -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("measure", o.measure());
      m.put("split", o.split());
      m.put("direction", o.direction().name().toLowerCase(Locale.ROOT));
      return m;
    }).toList());
    List<Map<String, Object>> trials = new ArrayList<>();
    for (FrozenTrial t : front) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trial", t.number());
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < objectives.size(); i++) {
        values.put(objectives.get(i).column(), t.objectiveValue(i));
      }
      m.put("values", values);
      m.put("feasible", t.isFeasible());
      m.put("params", t.params().asMap());
      trials.add(m);
    }
    root.put("front", trials);
    root.put("rule", rule.text());
    root.put("picked", picked.map(FrozenTrial::number).orElse(null));
    root.put("infeasible", infeasible);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String params(FrozenTrial t) {
    StringBuilder out = new StringBuilder();
    t.params().asMap().forEach((k, v) -> out.append(out.length() == 0 ? "" : " ").append(k).append('=')
        .append(TrialFormat.value(v)));
    return out.toString();
  }
}
