/**
 * Seeded generators of the data sets at real sizes that the large samples ({@code samples/large/})
 * and {@code hyp bench peer} use, written on demand instead of committed: {@link TabularData} (a
 * 40-feature, 4-class table), {@link GlyphImages} (28x28 grayscale glyphs in 10 classes, as a CSV
 * of pixels) and {@link MixedTable} (a 21-column CSV of numbers, text and empty cells, for load
 * times). Each writes the same bytes on every run and JVM: {@link java.util.Random}, {@link
 * StrictMath} and {@link FixedDecimals}, no locale. Plain Java, no DL4J.
 */
package dev.hyp.runtime.bench.data;
