package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.Value;
import java.util.ArrayList;
import java.util.List;

/** The names a checked value can be in some trial: `mcxent`, or each loss a parameter chooses among. */
final class PossibleSymbols {
  private PossibleSymbols() {}

  static List<Object> of(Value value, ParamTable params) {
    if (value instanceof Value.IfPresent i) {
      List<Object> symbols = new ArrayList<>(of(i.value(), params));
      if (i.otherwise() != null) {
        of(i.otherwise(), params).stream().filter(v -> !symbols.contains(v)).forEach(symbols::add);
      }
      return symbols;
    }
    if (value instanceof Value.Symbol s) {
      return List.of(s.name());
    }
    if (value instanceof Value.ParamRef p && params.get(p.name()) != null) {
      ParamInfo info = params.get(p.name());
      return info.spec.distribution() instanceof Distribution.Constant c ? List.of(c.value()) : info.values;
    }
    return List.of();
  }
}
