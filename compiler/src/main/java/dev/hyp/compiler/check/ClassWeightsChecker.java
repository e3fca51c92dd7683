package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.Task;
import dev.hyp.compiler.model.Value;
import dev.hyp.runtime.vocab.Loss;

/** `class_weights` weighs a classification loss that DL4J can weigh: `mcxent`, `xent` or `negativeloglikelihood`. */
final class ClassWeightsChecker {
  private ClassWeightsChecker() {}

  static void check(DataSpec data, NetworkChecker.Output output, Block block, Diagnostics diagnostics) {
    DataSpec.Preparation p = data.preparation();
    if (p.weights() == null && "none".equals(p.classWeights())) {
      return;
    }
    Setting setting = block.members().stream().filter(m -> m instanceof Setting s
        && s.name().name().equals("class_weights")).map(Setting.class::cast).findFirst().orElse(null);
    if (setting == null) {
      return;
    }
    if (output.task() != Task.CLASSIFICATION) {
      diagnostics.add(Diagnostic.error(Code.HYP021, setting.value().span(), "`class_weights` is for classification")
          .label("the output loss is a regression loss")
          .help("remove `class_weights`")
          .build());
      return;
    }
    LayerItem last = output.completedLayers().get(output.completedLayers().size() - 1);
    if (last instanceof LayerItem.Layer layer && layer.arguments().get("loss") instanceof Value.Symbol loss
        && !Loss.of(loss.name()).weighable()) {
      diagnostics.add(Diagnostic.error(Code.HYP021, setting.value().span(), "`class_weights` cannot weigh the loss `"
              + loss.name() + "`")
          .label("not for this loss")
          .secondary(loss.span(), "the output's loss")
          .help("use `mcxent`, `xent` or `negativeloglikelihood`, or remove `class_weights`")
          .build());
    }
  }
}
