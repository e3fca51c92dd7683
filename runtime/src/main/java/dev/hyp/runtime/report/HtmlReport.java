package dev.hyp.runtime.report;

import dev.hyp.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's report as one self-contained HTML file: the page's template, style and script, the
 * ECharts library and the run's data are all inlined, so it opens offline and can be mailed.
 */
public final class HtmlReport {
  public static final String FILE = "report.html";
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

  private HtmlReport() {}

  /** The report page, whole. */
  public static String render(ReportInput input) {
    StringWriter html = new StringWriter();
    try {
      render(input, html);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return html.toString();
  }

  /** Writes the report to {@code file} atomically, so a reader never sees half a page. */
  public static void write(ReportInput input, Path file) throws IOException {
    AtomicFiles.write(file, temporary -> {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        render(input, out);
      }
    });
  }

  /**
   * The page into {@code out}, the inlined files copied through a small buffer: a page held whole,
   * its 1 MB chart library decoded, checked, quoted and copied into it (about 25 MB of large arrays
   * per page), filled the heap of a small search with short-lived arrays too large for its young
   * generation's survivor space, so they went to the old generation (docs/performance.md, "Memory").
   */
  private static void render(ReportInput input, Writer out) throws IOException {
    Map<String, String> texts = Map.of(
        "title", escapeHtml(input.experiment()),
        "data", HtmlSafeJson.write(ReportData.of(input)),
        "stamp", stamp(input.trials()));
    String template = resource("dev/hyp/runtime/report/report.html");
    // one pass, so text inserted into a slot is never searched for slots itself
    Matcher slot = SLOT.matcher(template);
    int from = 0;
    while (slot.find()) {
      out.write(template, from, slot.start() - from);
      String name = slot.group(1);
      String text = texts.get(name);
      String file = INLINED.get(name);
      if (text != null) {
        out.write(text);
      } else if (file != null) {
        copy(name.equals("style") ? file : checkedScript(file), out);
      } else {
        throw new IllegalStateException("report template has an unknown slot " + slot.group());
      }
      from = slot.end();
    }
    out.write(template, from, template.length() - from);
  }

  /** The files the page inlines, by their slot: its style, the chart library and its own script. */
  private static final Map<String, String> INLINED = Map.of(
      "style", "dev/hyp/runtime/report/report.css",
      "echarts", ECHARTS,
      "script", "dev/hyp/runtime/report/report.js");

  /** Scripts already found free of `</script`: each is read whole for the check once per process. */
  private static final Set<String> INLINABLE = ConcurrentHashMap.newKeySet();

  private static String checkedScript(String name) {
    if (!INLINABLE.contains(name)) {
      script(name);
      INLINABLE.add(name);
    }
    return name;
  }

  private static void copy(String name, Writer out) throws IOException {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      new InputStreamReader(in, StandardCharsets.UTF_8).transferTo(out);
    }
  }

  /**
   * What the report was drawn from, in a few characters: each trial's number, state and step
   * count. A report whose stamp differs from its study's is behind it (a run killed between two
   * rewrites), and {@link #isCurrent} says so without drawing anything.
   */
  static String stamp(List<FrozenTrial> trials) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    for (FrozenTrial trial : trials) {
      crc.update((trial.number() + ":" + trial.state() + ":" + trial.intermediate().size() + ";")
          .getBytes(StandardCharsets.UTF_8));
    }
    return trials.size() + "-" + Long.toHexString(crc.getValue());
  }

  /** Whether {@code file} is a report of exactly these trials (false when it is missing or from before stamps). */
  public static boolean isCurrent(Path file, List<FrozenTrial> trials) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    String head;
    try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      char[] start = new char[2048]; // the stamp sits in the head, before the inlined library
      int read = in.read(start);
      head = read < 0 ? "" : new String(start, 0, read);
    }
    return head.contains("<meta name=\"hyp-trials\" content=\"" + stamp(trials) + "\">");
  }

  /**
   * The report's data as JSON, as the page's script reads it from {@code #hyp-data}: for a view that
   * draws the report's charts itself, such as the dashboard.
   */
  public static String data(ReportInput input) {
    return HtmlSafeJson.write(ReportData.of(input));
  }

  /** The chart library the report inlines (Apache ECharts), for a view that serves the same one. */
  public static String chartLibrary() {
    return script(ECHARTS);
  }

  /** The report page's template ({@code report.html}), style ({@code report.css}) or script ({@code report.js}). */
  public static String page(String name) {
    if (!List.of("report.html", "report.css", "report.js").contains(name)) {
      throw new IllegalArgumentException("the report has no " + name);
    }
    return resource("dev/hyp/runtime/report/" + name);
  }

  static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** A script to inline; one containing `</script` would end its element early. */
  private static String script(String name) {
    String text = resource(name);
    if (text.toLowerCase(Locale.ROOT).contains("</script")) {
      throw new IllegalStateException(name + " contains </script and cannot be inlined");
    }
    return text;
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
