package dev.akin.paper;

import java.text.Normalizer;
import java.util.Locale;

/** Stable ids for papers whose source gives none: the title, normalized so that layouts and case don't matter. */
public final class PaperIds {
    private PaperIds() {
    }

    /** "Booster: Tackling Harmful Fine-tuning ..." becomes "booster-tackling-harmful-fine-tuning-...". */
    public static String fromTitle(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String id = folded.replaceAll("[^\\p{Alnum}]+", "-").replaceAll("^-+|-+$", "");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("title '" + title + "' has no letters or digits to make an id from");
        }
        return id;
    }
}
