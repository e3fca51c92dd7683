/**
 * The language's vocabulary, once: activations, losses, weight inits, paddings, updaters and
 * their arguments, search strategies and pruners with their options, defaults and bounds, and the
 * settings' defaults. Every constant knows its spelling in a spec ({@link
 * dev.hyp.runtime.vocab.Term#hypName()}). The checker's signatures, the DL4J builder (which maps
 * these constants to Deeplearning4j's in one place), the samplers and pruners, generated code and
 * docs/language.md (checked by a test) all read it.
 *
 * <p>No Deeplearning4j types here: the compiler reads this package without loading DL4J.
 * Normalizations are {@link dev.hyp.runtime.data.Normalization}, which already was DL4J-free and
 * is used by the data code.
 */
package dev.hyp.runtime.vocab;
