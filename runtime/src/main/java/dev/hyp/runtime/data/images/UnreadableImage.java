package dev.hyp.runtime.data.images;

import java.nio.file.Path;

/** A file with an image extension that could not be decoded, and why, in the decoder's words. */
public record UnreadableImage(Path file, String reason) {}
