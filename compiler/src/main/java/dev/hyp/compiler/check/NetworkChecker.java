package dev.hyp.compiler.check;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.Task;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the network as a whole: each layer can follow the one before it, there is exactly
 * one `output` and it comes last, its loss fits its activation, and the loss says the task.
 */
final class NetworkChecker {
  /** What flows between layers. */
  private enum Shape { FLAT, IMAGE, SEQUENCE }

  /** The task and the layers with the output's activation filled in. */
  record Output(Task task, List<LayerItem> completedLayers) {}

  private final Diagnostics diagnostics;
  private final ParamTable params;
  private LayerItem.Layer previous;
  private boolean sequenceReported;

  NetworkChecker(Diagnostics diagnostics, ParamTable params) {
    this.diagnostics = diagnostics;
    this.params = params;
  }

  /** The output and task, or empty after reporting; {@code modelName} is where `model` is written. */
  Optional<Output> check(Span modelName, List<LayerItem> layers, boolean imageInput) {
    if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof LayerItem.Layer last)
        || !last.kind().equals("output")) {
      Optional<LayerItem.Layer> misplaced = findOutput(layers);
      diagnostics.add(misplaced.isEmpty()
          ? Diagnostic.error(Code.HYP063, modelName, "the model has no `output` layer")
              .label("no output")
              .help("end `model` with `output(activation = softmax, loss = mcxent)` (or `loss = mse` for regression)")
              .build()
          : Diagnostic.error(Code.HYP063, misplaced.get().kindSpan(), "`output` must be the last layer")
              .label("layers follow it")
              .help("move `output(...)` to the end of `model`, outside any loop")
              .build());
      return Optional.empty();
    }
    List<LayerItem> hidden = layers.subList(0, layers.size() - 1);
    Optional<LayerItem.Layer> extra = findOutput(hidden);
    if (extra.isPresent()) {
      diagnostics.add(Diagnostic.error(Code.HYP063, extra.get().kindSpan(), "the model has more than one `output`")
          .label("only the last layer can be `output`")
          .secondary(last.kindSpan(), "the output layer")
          .build());
      return Optional.empty();
    }
    boolean shapesFit = walk(hidden, imageInput ? Shape.IMAGE : Shape.FLAT, imageInput, "").isPresent();
    Optional<Output> output = output(last, hidden); // a layer that cannot follow does not hide the loss's problem
    return shapesFit ? output : Optional.empty();
  }

  /** The task of an `output` layer checked on its own, when the layers before it had problems (reported). */
  Optional<Task> checkOutputAlone(LayerItem.Layer output) {
    return output(output, List.of()).map(Output::task);
  }

  /** The shape after the layers, or empty after reporting one that cannot follow the layer before it. */
  private Optional<Shape> walk(List<LayerItem> items, Shape shape, boolean imageInput, String pass) {
    Shape current = shape;
    for (LayerItem item : items) {
      if (item instanceof LayerItem.Repeat repeat) {
        Optional<Shape> once = walk(repeat.body(), current, imageInput, pass);
        if (once.isEmpty()) {
          return Optional.empty();
        }
        if (once.get() != current
            && walk(repeat.body(), once.get(), imageInput, " (on the loop's second pass)").isEmpty()) {
          return Optional.empty();
        }
        current = once.get();
        continue;
      }
      LayerItem.Layer layer = (LayerItem.Layer) item;
      Optional<Shape> next = follow(layer, current, imageInput, pass);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
      previous = layer;
    }
    return Optional.of(current);
  }

  private Optional<Shape> follow(LayerItem.Layer layer, Shape shape, boolean imageInput, String pass) {
    switch (layer.kind()) {
      case "conv2d", "maxpool", "avgpool" -> {
        if (shape != Shape.IMAGE) {
          return cannotFollow(layer, "image-shaped input", imageInput, pass);
        }
        return Optional.of(Shape.IMAGE);
      }
      case "lstm" -> {
        if (shape == Shape.FLAT) {
          return cannotFollow(layer, "a sequence (image rows are read as time steps)", imageInput, pass);
        }
        return Optional.of(Shape.SEQUENCE);
      }
      case "dense" -> {
        return Optional.of(Shape.FLAT);
      }
      default -> {
        return Optional.of(shape); // dropout and batchnorm keep the shape
      }
    }
  }

  /** Always empty: reports the first layer that cannot follow, and stays quiet about later ones. */
  private Optional<Shape> cannotFollow(LayerItem.Layer layer, String needs, boolean imageInput, String pass) {
    if (sequenceReported) {
      return Optional.empty();
    }
    sequenceReported = true;
    String after = previous == null
        ? (imageInput ? "the input" : "the input, which has no shape")
        : "`" + previous.kind() + "`";
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP062, layer.kindSpan(), "`" + layer.kind()
            + "` cannot follow " + after + pass)
        .label("needs " + needs);
    if (previous != null) {
      builder.secondary(previous.kindSpan(), "gives " + (previous.kind().equals("lstm") ? "a sequence"
          : previous.kind().equals("dense") ? "flat features" : "its input's shape"));
    }
    diagnostics.add(builder.help(imageInput
        ? "put `conv2d`, pooling and `lstm` layers before the first `dense`"
        : "give the data a shape with `shape = image(height, width, channels)` in `data`").build());
    return Optional.empty();
  }

  /** The task the loss says, with the output's activation filled in when the loss implies it. */
  private Optional<Output> output(LayerItem.Layer output, List<LayerItem> hidden) {
    Value loss = output.arguments().get("loss");
    List<Object> losses = PossibleSymbols.of(loss, params);
    boolean classification = losses.stream().allMatch(Builtins.CLASSIFICATION_LOSSES::contains);
    boolean regression = losses.stream().allMatch(Builtins.REGRESSION_LOSSES::contains);
    Span lossSpan = loss.span();
    if (!classification && !regression) {
      diagnostics.add(Diagnostic.error(Code.HYP018, lossSpan, "`loss` mixes classification and regression losses")
          .label("the task would change from trial to trial")
          .build());
      return Optional.empty();
    }
    Value activation = output.arguments().get("activation");
    if (activation == null) {
      if (losses.size() != 1) {
        diagnostics.add(Diagnostic.error(Code.HYP017, output.kindSpan(), "`output` needs an `activation` when its loss "
                + "is a parameter")
            .label("no activation")
            .help("add `activation = ...`")
            .build());
        return Optional.empty();
      }
      activation = Value.symbol(defaultActivation((String) losses.get(0)), lossSpan); // implied by the loss
    } else if (!fits(activation, losses, activation.span(), lossSpan)) {
      return Optional.empty();
    }
    Map<String, Value> arguments = new LinkedHashMap<>(output.arguments());
    arguments.put("activation", activation);
    List<LayerItem> completed = new ArrayList<>(hidden);
    completed.add(new LayerItem.Layer("output", orderedLike(arguments), output.line(), output.kindSpan()));
    return Optional.of(new Output(classification ? Task.CLASSIFICATION : Task.REGRESSION, completed));
  }

  private boolean fits(Value activation, List<Object> losses, Span activationSpan, Span lossSpan) {
    for (Object a : PossibleSymbols.of(activation, params)) {
      for (Object l : losses) {
        String needed = requiredActivation((String) a, (String) l);
        if (needed != null) {
          diagnostics.add(Diagnostic.error(Code.HYP061, activationSpan, "the loss `" + l
                  + "` does not fit the activation `" + a + "`")
              .label("`" + a + "` here")
              .secondary(lossSpan, "`" + l + "` here")
              .help(needed)
              .build());
          return false;
        }
      }
    }
    return true;
  }

  /** Null when the pair fits, otherwise what to use instead. */
  static String requiredActivation(String activation, String loss) {
    return switch (loss) {
      case "mcxent", "negativeloglikelihood", "kldivergence" ->
          activation.equals("softmax") ? null : "use `activation = softmax` with `" + loss + "`";
      case "xent" -> activation.equals("sigmoid") ? null : "use `activation = sigmoid` with `xent`";
      case "hinge", "squaredhinge" -> activation.equals("identity") || activation.equals("tanh")
          ? null : "use `activation = identity` with `" + loss + "`";
      default -> activation.equals("softmax") ? "use `activation = identity` for regression" : null;
    };
  }

  private static String defaultActivation(String loss) {
    return switch (loss) {
      case "mcxent", "negativeloglikelihood", "kldivergence" -> "softmax";
      case "xent" -> "sigmoid";
      default -> "identity";
    };
  }

  private static Map<String, Value> orderedLike(Map<String, Value> arguments) {
    Map<String, Value> ordered = new LinkedHashMap<>();
    for (Signature.Parameter parameter : Builtins.LAYERS.get("output").parameters()) {
      if (arguments.containsKey(parameter.name())) {
        ordered.put(parameter.name(), arguments.get(parameter.name()));
      }
    }
    return ordered;
  }

  private static Optional<LayerItem.Layer> findOutput(List<LayerItem> items) {
    for (LayerItem item : items) {
      if (item instanceof LayerItem.Layer layer && layer.kind().equals("output")) {
        return Optional.of(layer);
      }
      if (item instanceof LayerItem.Repeat repeat) {
        Optional<LayerItem.Layer> inner = findOutput(repeat.body());
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }
}
