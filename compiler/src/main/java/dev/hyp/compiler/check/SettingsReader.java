package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the `name = value` settings of a section: unknown, repeated and misplaced ones are reported. */
final class SettingsReader {
  private final Diagnostics diagnostics;

  SettingsReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The known settings by name. Members that are not settings are left to {@code others}
   * when it is not null, and reported otherwise.
   */
  Map<String, Setting> read(List<? extends Member> members, String section, Map<String, Signature.Parameter> known,
      List<Member> others) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    for (Member member : members) {
      if (!(member instanceof Setting setting)) {
        if (others != null) {
          others.add(member);
        } else {
          boolean layer = member instanceof dev.hyp.compiler.ast.CallMember || member instanceof dev.hyp.compiler.ast.ForLoop;
          diagnostics.add(Diagnostic.error(Code.HYP021, member.span(), "only settings can appear in " + section)
              .label("not a setting")
              .help(layer ? "layers and loops belong in `model`: move this there" : "write `name = value`")
              .build());
        }
        continue;
      }
      String name = setting.name().name();
      if (!known.containsKey(name)) {
        diagnostics.add(unknown(setting, section, known));
        continue;
      }
      if (setting.bound() != null || setting.when() != null) {
        diagnostics.add(Diagnostic.error(Code.HYP021, setting.bound() != null ? setting.bound().span() : setting.when().span(),
                (setting.bound() != null ? "per-layer" : "conditional") + " values are only for `params`")
            .label("not allowed in " + section)
            .help("declare a parameter in `params` and use it here")
            .build());
        continue;
      }
      Setting first = settings.get(name);
      if (first != null) {
        diagnostics.add(Diagnostic.error(Code.HYP014, setting.name().span(), "`" + name + "` is set twice in " + section)
            .label("set again here")
            .secondary(first.name().span(), "first set here")
            .help("keep one of them")
            .build());
        continue;
      }
      settings.put(name, setting);
    }
    return settings;
  }

  /** "`search tpe`" -> "search", "the experiment" -> "": how {@link Habits} names a section. */
  private static String sectionKey(String section) {
    return section.startsWith("`") ? section.substring(1).split("[` ]")[0] : "";
  }

  private static Diagnostic unknown(Setting setting, String section, Map<String, Signature.Parameter> known) {
    String name = setting.name().name();
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP013, setting.name().span(), "unknown setting `" + name + "` in "
            + section)
        .label("not a setting of " + section);
    String help = Habits.setting(sectionKey(section), name);
    if (help == null) {
      help = Suggestions.help(name, known.keySet());
    }
    if (help == null) {
      List<String> names = new ArrayList<>(known.keySet());
      help = names.isEmpty() ? section + " takes no settings"
          : "the settings are " + String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
    return builder.help(help).build();
  }
}
