package dev.hyp.runtime.run;

import picocli.CommandLine;

/** `30s`, `10m`, `2h`, or plain seconds, into seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    if (!value.matches("\\d+[smh]?")) {
      throw new CommandLine.TypeConversionException("`" + value + "` is not a duration such as 30s, 10m or 2h");
    }
    char unit = value.charAt(value.length() - 1);
    long amount = Long.parseLong(Character.isDigit(unit) ? value : value.substring(0, value.length() - 1));
    return switch (unit) {
      case 'h' -> amount * 3600;
      case 'm' -> amount * 60;
      default -> amount;
    };
  }
}
