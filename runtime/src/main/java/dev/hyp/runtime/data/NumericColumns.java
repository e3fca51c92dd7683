package dev.hyp.runtime.data;

import java.util.List;

/** Every feature column is a number, used as it is: one feature per column, in order. */
public record NumericColumns(List<String> columns) implements RowEncoding {
  public NumericColumns {
    columns = List.copyOf(columns);
  }

  @Override
  public int width() {
    return columns.size();
  }

  @Override
  public void encode(String[] cells, double[] out) {
    for (int i = 0; i < columns.size(); i++) {
      out[i] = Cells.number(columns.get(i), cells[i]);
    }
  }
}
