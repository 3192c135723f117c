package dev.akin.search;

import java.util.Locale;

/**
 * How a query finds papers: by its embedding (dense), by BM25 over title and abstract (lexical), both fused, or
 * by its embedding re-scored sentence by sentence (passages).
 *
 * @param mode dense, lexical, hybrid or passages
 * @param fusion how a hybrid combines its two lists (ignored otherwise)
 * @param denseWeight the dense list's share in weighted fusion, or the whole-text vector's share against the
 *     passage match, 0..1 (ignored otherwise)
 * @param passages for a hybrid, whether its dense list is re-scored by passages first
 */
public record Retrieval(Mode mode, Fusion fusion, double denseWeight, boolean passages) {
    /** Where candidates come from. */
    public enum Mode { DENSE, LEXICAL, HYBRID, PASSAGES }

    /** How two ranked lists become one. */
    public enum Fusion {
        /** Reciprocal rank fusion: sum of 1 / (60 + rank); needs no score scale. */
        RRF,
        /** Each list's scores min-max normalized to 0..1, then a weighted sum. */
        WEIGHTED
    }

    /** The embedding alone. */
    public static final Retrieval DENSE = new Retrieval(Mode.DENSE, Fusion.RRF, 0.5, false);
    /** BM25 alone. */
    public static final Retrieval LEXICAL = new Retrieval(Mode.LEXICAL, Fusion.RRF, 0.5, false);

    /** The whole-text vector's share when passages are asked for without a weight (docs/benchmarks.md). */
    public static final double PASSAGE_WHOLE_WEIGHT = 0.4;

    /** Checks the weight. */
    public Retrieval {
        if (mode == null || fusion == null) {
            throw new IllegalArgumentException("retrieval mode and fusion must be set");
        }
        if (!(denseWeight >= 0 && denseWeight <= 1)) {
            throw new IllegalArgumentException("dense weight must be in 0..1, got " + denseWeight);
        }
    }

    /** Dense candidates re-scored by {@code wholeWeight * cosine + (1 - wholeWeight) * passage match}. */
    public static Retrieval passages(double wholeWeight) {
        return new Retrieval(Mode.PASSAGES, Fusion.WEIGHTED, wholeWeight, false);
    }

    /** Whether this retrieval reads sentence vectors (the index must keep them: akin index --passages). */
    public boolean needsPassages() {
        return mode == Mode.PASSAGES || passages;
    }

    /** A hybrid with this fusion and, for weighted fusion, this dense share. */
    public static Retrieval hybrid(Fusion fusion, double denseWeight) {
        return new Retrieval(Mode.HYBRID, fusion, denseWeight, false);
    }

    /** A weighted hybrid whose dense list is re-scored by passages before the fusion. */
    public static Retrieval hybridPassages(double denseWeight) {
        return new Retrieval(Mode.HYBRID, Fusion.WEIGHTED, denseWeight, true);
    }

    /**
     * Parses "dense", "lexical", "hybrid" (reciprocal rank fusion), "hybrid-rrf", "hybrid-weighted" (equal
     * weights; "hybrid-weighted:0.7" gives the dense list 0.7) or "passages" ("passages:0.3" gives the whole-text
     * vector 0.3), or "hybrid-passages" (a weighted hybrid over the passages-re-scored dense list; ":W" as for
     * hybrid-weighted).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Retrieval parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "dense" -> DENSE;
            case "lexical" -> LEXICAL;
            case "hybrid", "hybrid-rrf" -> hybrid(Fusion.RRF, 0.5);
            case "hybrid-weighted" -> hybrid(Fusion.WEIGHTED, 0.5);
            case "passages" -> passages(PASSAGE_WHOLE_WEIGHT);
            case "hybrid-passages" -> hybridPassages(0.5);
            default -> {
                if (name.startsWith("hybrid-weighted:")) {
                    yield hybrid(Fusion.WEIGHTED, weight(text, name.substring("hybrid-weighted:".length())));
                }
                if (name.startsWith("hybrid-passages:")) {
                    yield hybridPassages(weight(text, name.substring("hybrid-passages:".length())));
                }
                if (name.startsWith("passages:")) {
                    yield passages(weight(text, name.substring("passages:".length())));
                }
                throw new IllegalArgumentException("mode '" + text + "' is not one of dense, lexical, hybrid,"
                        + " hybrid-rrf, hybrid-weighted, hybrid-weighted:W, passages, passages:W, hybrid-passages, hybrid-passages:W");
            }
        };
    }

    private static double weight(String text, String number) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mode '" + text + "': the weight is not a number", e);
        }
    }

    /** The name {@link #parse} reads back. */
    @Override
    public String toString() {
        return switch (mode) {
            case DENSE -> "dense";
            case LEXICAL -> "lexical";
            case HYBRID -> fusion == Fusion.RRF ? "hybrid-rrf"
                    : (passages ? "hybrid-passages:" : "hybrid-weighted:") + denseWeight;
            case PASSAGES -> "passages:" + denseWeight;
        };
    }
}
