package dev.hyp.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import dev.hyp.runtime.vocab.WeightInit;
import java.util.function.Function;

/**
 * The kinds of name a spec uses as a value, each a vocabulary enum of the runtime: generated
 * code writes `Activation.RELU`, not "relu", so javac checks the names.
 */
enum SymbolKind {
  ACTIVATION(Activation.class, Activation::of),
  LOSS(Loss.class, Loss::of),
  WEIGHT_INIT(WeightInit.class, WeightInit::of),
  PADDING(Padding.class, Padding::of),
  NORMALIZATION(Normalization.class, Normalization::of),
  ENCODING(CategoryEncoding.class, CategoryEncoding::of),
  UPDATER(Updater.class, Updater::of);

  private final ClassName type;
  private final Function<String, Enum<?>> constant;

  SymbolKind(Class<? extends Enum<?>> type, Function<String, Enum<?>> constant) {
    this.type = ClassName.get(type);
    this.constant = constant;
  }

  ClassName type() {
    return type;
  }

  /** `Activation.RELU` for `relu`. */
  CodeBlock constant(String hypName) {
    return CodeBlock.of("$T.$L", type, constant.apply(hypName).name());
  }

  /** The constant a trial's value names: `Activation.of(text)`. */
  CodeBlock parse(CodeBlock text) {
    return CodeBlock.of("$T.of($L)", type, text);
  }
}
