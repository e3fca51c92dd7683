package dev.hyp.runtime.progress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.TrialState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarProgressTest {
  @Test
  void trialLinesGoAboveTheBarWhichShowsCountsAndTheBest() {
    StringWriter text = new StringWriter();
    SearchProgress progress = new SearchProgress(4, Direction.MAXIMIZE, List.of(), Clock.systemUTC());
    try (BarProgress bar = new BarProgress(new PrintWriter(text), "iris", "accuracy", progress)) {
      bar.trialStarted(null, null);
      bar.trialFinished(null, ProgressTest.trial(0, TrialState.COMPLETE, 0.9, null));
      bar.trialStarted(null, null);
    }
    String out = text.toString();
    // the trial's line erases the bar's line first, then the bar is drawn again below it
    assertTrue(out.contains("\r\u001b[2Ktrial   0 complete accuracy 0.9000  lr=0.01000"), out);
    String afterLine = out.substring(out.indexOf("trial   0 complete"));
    assertTrue(afterLine.contains("1/4"), out);
    assertTrue(afterLine.contains("0.9000"), "the best so far beside the bar: " + out);
    assertTrue(out.contains("iris"), out);
    assertTrue(out.endsWith("\n"), "closing the bar ends its line");
  }

  @Test
  void atEightyColumnsTheBarKeepsTheBestValueVisible() {
    StringWriter text = new StringWriter();
    SearchProgress progress = new SearchProgress(400, Direction.MAXIMIZE, List.of(), Clock.systemUTC());
    PrintWriter out = new PrintWriter(text);
    try (BarProgress bar = new BarProgress(out, "churn_classifier_deep", "accuracy", progress, new BarConsumer(out, 80))) {
      for (int n = 0; n < 123; n++) {
        bar.trialStarted(null, null);
        bar.trialFinished(null, ProgressTest.trial(n, n % 3 == 0 ? TrialState.PRUNED : TrialState.COMPLETE,
            0.9 + n / 10_000.0, null));
      }
      bar.trialStarted(null, null);
    }
    String out80 = text.toString();
    String[] drawn = out80.split("\r\u001b\\[2K");
    String last = drawn[drawn.length - 1].replaceAll("\u001b\\[[0-9;]*m", "").strip();
    assertTrue(last.length() <= 80, "wider than the terminal: " + last);
    assertTrue(last.contains("best 0.9122"), "the best value is cut: " + last);
  }
}
