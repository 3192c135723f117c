package dev.akin.search;

import java.util.Locale;

/**
 * How a query finds papers: by its embedding (dense), by BM25 over title and abstract (lexical), or both, fused.
 *
 * @param mode dense, lexical or hybrid
 * @param fusion how a hybrid combines its two lists (ignored otherwise)
 * @param denseWeight the dense list's share in weighted fusion, 0..1 (ignored otherwise)
 */
public record Retrieval(Mode mode, Fusion fusion, double denseWeight) {
    /** Where candidates come from. */
    public enum Mode { DENSE, LEXICAL, HYBRID }

    /** How two ranked lists become one. */
    public enum Fusion {
        /** Reciprocal rank fusion: sum of 1 / (60 + rank); needs no score scale. */
        RRF,
        /** Each list's scores min-max normalized to 0..1, then a weighted sum. */
        WEIGHTED
    }

    /** The embedding alone. */
    public static final Retrieval DENSE = new Retrieval(Mode.DENSE, Fusion.RRF, 0.5);
    /** BM25 alone. */
    public static final Retrieval LEXICAL = new Retrieval(Mode.LEXICAL, Fusion.RRF, 0.5);

    /** Checks the weight. */
    public Retrieval {
        if (mode == null || fusion == null) {
            throw new IllegalArgumentException("retrieval mode and fusion must be set");
        }
        if (!(denseWeight >= 0 && denseWeight <= 1)) {
            throw new IllegalArgumentException("dense weight must be in 0..1, got " + denseWeight);
        }
    }

    /** A hybrid with this fusion and, for weighted fusion, this dense share. */
    public static Retrieval hybrid(Fusion fusion, double denseWeight) {
        return new Retrieval(Mode.HYBRID, fusion, denseWeight);
    }

    /**
     * Parses "dense", "lexical", "hybrid" (reciprocal rank fusion), "hybrid-rrf" or "hybrid-weighted" (equal
     * weights; "hybrid-weighted:0.7" gives the dense list 0.7).
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
            default -> {
                if (name.startsWith("hybrid-weighted:")) {
                    try {
                        yield hybrid(Fusion.WEIGHTED, Double.parseDouble(name.substring("hybrid-weighted:".length())));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("mode '" + text + "': the weight is not a number", e);
                    }
                }
                throw new IllegalArgumentException("mode '" + text + "' is not one of dense, lexical, hybrid,"
                        + " hybrid-rrf, hybrid-weighted, hybrid-weighted:W");
            }
        };
    }

    /** The name {@link #parse} reads back. */
    @Override
    public String toString() {
        return switch (mode) {
            case DENSE -> "dense";
            case LEXICAL -> "lexical";
            case HYBRID -> fusion == Fusion.RRF ? "hybrid-rrf" : "hybrid-weighted:" + denseWeight;
        };
    }
}
