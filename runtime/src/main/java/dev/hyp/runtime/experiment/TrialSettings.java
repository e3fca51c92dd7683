package dev.hyp.runtime.experiment;

/**
 * How one trial trains, from its parameters: epochs, batch size, normalization, the output
 * loss's name (the trainer encodes labels for it), and early stopping (patience 0: none).
 */
public record TrialSettings(int epochs, int batch, String normalize, String loss, int patience, double minDelta) {}
