package dev.hyp.runtime.experiment;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Reads a per-layer parameter of a trial (`units[1]`, `units[2]`, ...) as a list, in layer order. */
public final class LayerValues {
  private LayerValues() {}

  public static List<Long> longs(ParamValues values, String name) {
    return collect(values, name, ParamValues::getLong);
  }

  public static List<Double> doubles(ParamValues values, String name) {
    return collect(values, name, ParamValues::getDouble);
  }

  public static List<String> strings(ParamValues values, String name) {
    return collect(values, name, ParamValues::getString);
  }

  public static List<Boolean> booleans(ParamValues values, String name) {
    return collect(values, name, ParamValues::getBoolean);
  }

  /** Names of the vocabulary, such as activations: {@code symbols(values, "act", Activation::of)}. */
  public static <T> List<T> symbols(ParamValues values, String name, Function<String, T> parse) {
    return collect(values, name, (v, layer) -> parse.apply(v.getString(layer)));
  }

  private static <T> List<T> collect(ParamValues values, String name, BiFunction<ParamValues, String, T> read) {
    List<T> layers = new ArrayList<>();
    for (int layer = 1; values.has(SearchSpace.layerName(name, layer)); layer++) {
      layers.add(read.apply(values, SearchSpace.layerName(name, layer)));
    }
    return Collections.unmodifiableList(layers);
  }
}
