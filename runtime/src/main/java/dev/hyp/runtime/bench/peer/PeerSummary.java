package dev.hyp.runtime.bench.peer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The closing table of `hyp bench peer`: per case and part, hyp's medians over the peer's. */
final class PeerSummary {
  private PeerSummary() {}

  static void print(List<PeerBenchmark.Measure> measures, boolean withPeer, PrintWriter out) {
    Map<String, List<PeerBenchmark.Measure>> byPart = new LinkedHashMap<>();
    for (PeerBenchmark.Measure m : measures) {
      byPart.computeIfAbsent(m.caseName() + " " + m.part(), k -> new ArrayList<>()).add(m);
    }
    out.println();
    out.printf(Locale.ROOT, "%-22s %-15s %9s %9s %9s %9s %8s %8s%n", "case part", "side", "trial s", "wall s",
        "rss MB", "max MB", "val acc", "test acc");
    for (Map.Entry<String, List<PeerBenchmark.Measure>> e : byPart.entrySet()) {
      List<PeerBenchmark.Measure> hyp = e.getValue().stream().filter(m -> m.who().equals("hyp")).toList();
      List<PeerBenchmark.Measure> peer = e.getValue().stream().filter(m -> !m.who().equals("hyp")).toList();
      row(out, e.getKey(), "hyp", hyp);
      if (withPeer && !peer.isEmpty()) {
        row(out, "", peer.get(0).who(), peer);
        out.printf(Locale.ROOT, "%-22s %-15s %9s %9s %9s %9s%n", "", "hyp / peer",
            ratio(hyp, peer, PeerBenchmark.Measure::trialSeconds), ratio(hyp, peer, PeerBenchmark.Measure::wallSeconds),
            ratio(hyp, peer, PeerBenchmark.Measure::peakRssMb), ratio(hyp, peer, PeerBenchmark.Measure::maxProcessRssMb));
        out.printf(Locale.ROOT, "{\"bench\":\"peer_ratio\",\"case_part\":\"%s\",\"peer\":\"%s\",\"repeats\":%d,"
                + "\"trial_seconds\":%s,\"wall_seconds\":%s,\"peak_rss\":%s,\"max_process_rss\":%s}%n",
            e.getKey(), peer.get(0).who(), hyp.size(), ratio(hyp, peer, PeerBenchmark.Measure::trialSeconds),
            ratio(hyp, peer, PeerBenchmark.Measure::wallSeconds), ratio(hyp, peer, PeerBenchmark.Measure::peakRssMb),
            ratio(hyp, peer, PeerBenchmark.Measure::maxProcessRssMb));
      }
    }
    out.println("(medians over the repeats; trial s: the trials' own seconds, summed; wall s: the processes, start"
        + " to end; rss: peak resident memory of a side's processes alive at once; max: the largest one process;"
        + " load: trial s is the seconds from the process's start to the data, hyp's first trial's start)");
    out.flush();
  }

  private static void row(PrintWriter out, String label, String who, List<PeerBenchmark.Measure> ms) {
    out.printf(Locale.ROOT, "%-22s %-15s %9.2f %9.2f %9.0f %9.0f %8s %8s%n", label, who,
        median(ms, PeerBenchmark.Measure::trialSeconds), median(ms, PeerBenchmark.Measure::wallSeconds),
        median(ms, PeerBenchmark.Measure::peakRssMb), median(ms, PeerBenchmark.Measure::maxProcessRssMb),
        accuracy(ms.get(ms.size() - 1).validation()), accuracy(ms.get(ms.size() - 1).test()));
  }

  private static String accuracy(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String ratio(List<PeerBenchmark.Measure> hyp, List<PeerBenchmark.Measure> peer,
      java.util.function.ToDoubleFunction<PeerBenchmark.Measure> f) {
    double below = median(peer, f);
    return below > 0 ? String.format(Locale.ROOT, "%.2f", median(hyp, f) / below) : "null";
  }

  static double median(List<PeerBenchmark.Measure> ms, java.util.function.ToDoubleFunction<PeerBenchmark.Measure> f) {
    double[] values = ms.stream().mapToDouble(f).sorted().toArray();
    if (values.length == 0) {
      return 0;
    }
    return values.length % 2 == 1 ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }
}
