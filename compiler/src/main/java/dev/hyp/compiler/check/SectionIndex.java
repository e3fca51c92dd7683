package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Node;
import dev.hyp.compiler.ast.ConstraintMember;
import dev.hyp.compiler.ast.MultiObjectiveMember;
import dev.hyp.compiler.ast.ObjectiveMember;
import dev.hyp.compiler.ast.SearchBlock;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The first pass: finds the sections of an experiment and its own settings. */
final class SectionIndex {
  final Map<String, Block> blocks = new LinkedHashMap<>();
  SearchBlock search;
  ObjectiveMember objective;
  MultiObjectiveMember objectives; // `objective = A, B`: several objectives instead of one
  final List<Setting> settings = new ArrayList<>();

  static SectionIndex of(Experiment experiment, Diagnostics diagnostics) {
    SectionIndex index = new SectionIndex();
    Map<String, Node> seen = new LinkedHashMap<>();
    for (Member member : experiment.members()) {
      if (member instanceof Block block) {
        index.block(block, seen, diagnostics);
      } else if (member instanceof SearchBlock search) {
        if (duplicate("search", search.strategy().span(), seen, diagnostics)) {
          continue;
        }
        index.search = search;
        seen.put("search", search);
      } else if (member instanceof ObjectiveMember objective) {
        if (duplicate("objective", objective.span(), seen, diagnostics)) {
          continue;
        }
        index.objective = objective;
        seen.put("objective", objective);
      } else if (member instanceof MultiObjectiveMember objectives) {
        if (duplicate("objective", objectives.span(), seen, diagnostics)) {
          continue;
        }
        index.objectives = objectives;
        seen.put("objective", objectives);
      } else if (member instanceof ConstraintMember constraint) {
        diagnostics.add(Diagnostic.error(Code.HYP021, constraint.span(), "a bound belongs in the `constraints` section")
            .label("not inside `constraints`")
            .help("move this into `constraints { ... }`")
            .build());
      } else if (member instanceof Setting setting) {
        index.setting(setting, diagnostics);
      } else {
        diagnostics.add(Diagnostic.error(Code.HYP021, member.span(), "layers and loops belong in the `model` section")
            .label("not inside `model`")
            .help("move this into `model { ... }`")
            .build());
      }
    }
    index.requireSections(experiment, diagnostics);
    return index;
  }

  private void block(Block block, Map<String, Node> seen, Diagnostics diagnostics) {
    String name = block.name().name();
    if (name.equals("search") || name.equals("objective") || !Builtins.SECTIONS.contains(name)) {
      diagnostics.add(Diagnostic.error(Code.HYP010, block.name().span(), "unknown section `" + name + "`")
          .label("not a section")
          .help(helpOr(helpOr(Habits.section(name),
                  Suggestions.help(name, List.of("data", "params", "model", "train"))),
              "the sections are `data`, `params`, `model`, `train`, `search STRATEGY` and `objective`"))
          .build());
      return;
    }
    if (!duplicate(name, block.name().span(), seen, diagnostics)) {
      blocks.put(name, block);
      seen.put(name, block);
    }
  }

  private void setting(Setting setting, Diagnostics diagnostics) {
    String name = setting.name().name();
    if (Builtins.SECTIONS.contains(name)) {
      diagnostics.add(Diagnostic.error(Code.HYP013, setting.name().span(), "`" + name + "` is a section, not a setting")
          .label("a section")
          .help("write `" + name + " { ... }`")
          .build());
      return;
    }
    settings.add(setting);
  }

  private static boolean duplicate(String name, Span at, Map<String, Node> seen, Diagnostics diagnostics) {
    Node first = seen.get(name);
    if (first == null) {
      return false;
    }
    diagnostics.add(Diagnostic.error(Code.HYP014, at, "section `" + name + "` appears twice")
        .label("again here")
        .secondary(firstSpan(first), "first here")
        .help("merge the two into one")
        .build());
    return true;
  }

  private static Span firstSpan(Node node) {
    if (node instanceof Block b) {
      return b.name().span();
    }
    if (node instanceof SearchBlock s) {
      return s.strategy().span();
    }
    return node.span();
  }

  private void requireSections(Experiment experiment, Diagnostics diagnostics) {
    require(blocks.containsKey("data"), "data", "add `data { source = csv(\"data.csv\", label = \"y\") }`",
        experiment, diagnostics);
    require(blocks.containsKey("model"), "model", "add `model { ... output(activation = softmax, loss = mcxent) }`",
        experiment, diagnostics);
    require(objective != null || objectives != null, "objective", "add `objective = maximize accuracy on validation`", experiment, diagnostics);
  }

  private static void require(boolean present, String section, String help, Experiment experiment,
      Diagnostics diagnostics) {
    if (!present) {
      diagnostics.add(Diagnostic.error(Code.HYP011, experiment.name().span(), "experiment `" + experiment.name().name()
              + "` has no `" + section + "`")
          .label("`" + section + "` is required")
          .help(help)
          .build());
    }
  }

  private static String helpOr(String help, String fallback) {
    return help != null ? help : fallback;
  }
}
