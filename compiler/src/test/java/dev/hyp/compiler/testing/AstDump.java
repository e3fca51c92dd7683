package dev.hyp.compiler.testing;

import dev.hyp.compiler.ast.Node;
import dev.hyp.compiler.source.Span;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Prints a syntax tree as an s-expression with every {@link Span} left out, so that trees can
 * be compared "as written" without caring where they were written. It reads the records'
 * components, so a new node type or field shows up without changes here.
 *
 * <pre>(Setting (Identifier "lr") nil (Call (Identifier "loguniform") [...]) nil)</pre>
 */
public final class AstDump {
  private AstDump() {}

  public static String dump(Node node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  /** The same, for an expression or condition, with `Name`/`Identifier` shortened. */
  public static String compact(Node node) {
    return dump(node)
        .replaceAll("\\(Name \\(Identifier (\"[^\"]*\")\\)\\)", "$1")
        .replaceAll("\\(Identifier (\"[^\"]*\")\\)", "$1");
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("nil");
    } else if (value instanceof String s) {
      out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
          .replace("\t", "\\t")).append('"');
    } else if (value instanceof Enum<?> e) {
      out.append(e.name());
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Record record) {
      out.append('(').append(record.getClass().getSimpleName());
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        if (component.getType() == Span.class) {
          continue;
        }
        out.append(' ');
        write(get(component, record), out);
      }
      out.append(')');
    } else if (value instanceof Boolean || value instanceof Number) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("no dump for " + value.getClass());
    }
  }

  private static Object get(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }
}
