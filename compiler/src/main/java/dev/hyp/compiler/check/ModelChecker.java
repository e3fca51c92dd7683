package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.CallMember;
import dev.hyp.compiler.ast.ForLoop;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.ModelSpec;
import dev.hyp.compiler.model.Task;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks `model`: its settings, each layer's arguments, loops, and then the network as a whole. */
final class ModelChecker {
  private static final Map<String, Signature.Parameter> SETTINGS = Builtins.SETTINGS.get("model");
  private static final Signature.Parameter LOOP_BOUND = Signature.Parameter.required("bound", Type.INT).atLeast(0);

  private final Diagnostics diagnostics;
  private final ValueChecker values;
  private final ParamTable params;
  private final SourceFile source;
  private final ArgumentBinder binder;
  private Task task;

  ModelChecker(Diagnostics diagnostics, ValueChecker values, ParamTable params, SourceFile source) {
    this.diagnostics = diagnostics;
    this.values = values;
    this.params = params;
    this.source = source;
    this.binder = new ArgumentBinder(diagnostics);
  }

  /** The checked model and the network's output and task. */
  record Result(ModelSpec model, NetworkChecker.Output output) {}

  /** Empty after reporting problems. */
  Optional<Result> check(Block model, boolean imageInput) {
    List<Member> layerMembers = new ArrayList<>();
    Map<String, Setting> settings = new SettingsReader(diagnostics).read(model.members(), "`model`", SETTINGS,
        layerMembers);
    Optional<Map<String, Value>> checked = SectionValues.check(settings, "`model`", SETTINGS, values,
        SETTINGS.keySet());
    List<Optional<LayerItem>> each = checkEach(layerMembers, Scope.EMPTY);
    NetworkChecker network = new NetworkChecker(diagnostics, params);
    if (each.stream().anyMatch(Optional::isEmpty)) {
      // the output's loss and activation do not depend on the layers before it: checked all the same
      lastOutput(each).ifPresent(output -> task = network.checkOutputAlone(output).orElse(null));
      return Optional.empty();
    }
    List<LayerItem> layers = each.stream().map(Optional::get).toList();
    if (!new LayerCount(diagnostics, params).check(layers, model.name().span())) {
      return Optional.empty();
    }
    Optional<NetworkChecker.Output> output = network.check(model.name().span(), layers, imageInput);
    output.ifPresent(o -> task = o.task());
    // settings with a problem (reported) do not hide the network's problems, checked above
    if (checked.isEmpty()) {
      return Optional.empty();
    }
    return output
        .map(o -> {
          Map<String, Value> set = checked.get();
          return new Result(new ModelSpec(set.get("updater"), set.get("weight_init"), set.get("l1"), set.get("l2"),
              set.get("gradient_clip"), o.completedLayers()), o);
        });
  }

  /**
   * The task the output's loss says, also when another part of `model` had a problem (so that the
   * objective is still checked against it); null when the output itself had one.
   */
  Task task() {
    return task;
  }

  /** The last item when it is a checked `output` layer. */
  private static Optional<LayerItem.Layer> lastOutput(List<Optional<LayerItem>> each) {
    if (each.isEmpty() || each.get(each.size() - 1).isEmpty()) {
      return Optional.empty();
    }
    return each.get(each.size() - 1).get() instanceof LayerItem.Layer layer && layer.kind().equals("output")
        ? Optional.of(layer) : Optional.empty();
  }

  private Optional<List<LayerItem>> items(List<Member> members, Scope scope) {
    List<Optional<LayerItem>> each = checkEach(members, scope);
    return each.stream().allMatch(Optional::isPresent)
        ? Optional.of(each.stream().map(Optional::get).toList()) : Optional.empty();
  }

  /** Each member checked, in order: empty where it had a problem (reported). */
  private List<Optional<LayerItem>> checkEach(List<Member> members, Scope scope) {
    List<Optional<LayerItem>> items = new ArrayList<>();
    for (Member member : members) {
      Optional<LayerItem> item = Optional.empty();
      if (member instanceof CallMember call) {
        item = layer(call.call(), scope);
      } else if (member instanceof ForLoop loop) {
        item = repeat(loop, scope);
      } else {
        diagnostics.add(Diagnostic.error(Code.HYP021, member.span(), member instanceof Setting
                ? "settings cannot appear inside a loop"
                : "`model` holds settings, layers and `for` loops")
            .label("not allowed here")
            .build());
      }
      items.add(item);
    }
    return items;
  }

  private Optional<LayerItem> layer(Call call, Scope scope) {
    String kind = call.callee().name();
    Signature signature = Builtins.LAYERS.get(kind);
    if (signature == null) {
      Diagnostic.Builder builder = Diagnostic.error(Code.HYP015, call.callee().span(), "unknown layer `" + kind + "`")
          .label("not a layer");
      String help = Habits.layer(kind);
      if (help == null) {
        help = Suggestions.help(kind, Builtins.LAYERS.keySet());
      }
      if (help == null && SETTINGS.containsKey(kind)) {
        help = "`" + kind + "` is a setting: write `" + kind + " = ...`";
      }
      diagnostics.add(builder.help(help != null ? help : "the layers are "
          + String.join(", ", Builtins.LAYERS.keySet().stream().map(l -> "`" + l + "`").toList())).build());
      return Optional.empty();
    }
    Optional<Map<String, Argument>> bound = binder.bind(call, signature, "layer");
    if (bound.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Value> arguments = new LinkedHashMap<>();
    boolean ok = true;
    for (Signature.Parameter parameter : signature.parameters()) {
      Argument argument = bound.get().get(parameter.name());
      if (argument == null) {
        Value fallback = Defaults.of(parameter, call.span());
        if (fallback != null) {
          arguments.put(parameter.name(), fallback);
        }
        continue;
      }
      Place place = new Place("`" + parameter.name() + "` of `" + kind + "`", parameter, true, !parameter.required(),
          argument.span());
      Optional<Value> value = values.check(argument.value(), place, scope);
      ok &= value.isPresent();
      value.ifPresent(v -> arguments.put(parameter.name(), v));
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(new LayerItem.Layer(kind, arguments, source.line(call.span().start()), call.callee().span()));
  }

  private Optional<LayerItem> repeat(ForLoop loop, Scope scope) {
    String variable = loop.variable().name();
    Optional<Value> from = values.check(loop.from(), new Place("the start of the loop", LOOP_BOUND, true, false,
        loop.from().span()), scope);
    Optional<Value> to = values.check(loop.to(), new Place("the end of the loop", LOOP_BOUND, true, false,
        loop.to().span()), scope);
    if (params.contains(variable) || scope.loop(variable) != null) {
      diagnostics.add(Diagnostic.error(Code.HYP014, loop.variable().span(), "loop variable `" + variable + "` hides "
              + (params.contains(variable) ? "the parameter" : "the loop variable") + " `" + variable + "`")
          .label("already a name")
          .help("call the loop variable something else, such as `i`")
          .build());
      return Optional.empty();
    }
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<LayerItem>> checked = items(new ArrayList<>(loop.body()),
        scope.with(new Scope.Loop(variable, from.get(), to.get())));
    if (checked.isEmpty()) {
      return Optional.empty();
    }
    List<LayerItem> body = checked.get();
    if (body.isEmpty()) {
      diagnostics.add(Diagnostic.error(Code.HYP021, loop.variable().span(), "the loop repeats no layers")
          .label("empty loop")
          .help("put layers inside it, or remove it")
          .build());
      return Optional.empty();
    }
    return Optional.of(new LayerItem.Repeat(variable, from.get(), to.get(), body));
  }
}
