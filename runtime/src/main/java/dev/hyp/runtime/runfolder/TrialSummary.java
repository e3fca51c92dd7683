package dev.hyp.runtime.runfolder;

import java.io.Serializable;
import java.util.Map;

/** A trained trial's metrics, as `best.json` reports them; serializable for trials trained elsewhere. */
public record TrialSummary(Map<String, Double> validation, Map<String, Double> test, int epochsRun, int bestEpoch)
    implements Serializable {}
