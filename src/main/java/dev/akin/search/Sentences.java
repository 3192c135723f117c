package dev.akin.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits titles and abstracts into sentences: a pure function, tested without a model. */
final class Sentences {
    /** Enough for any abstract; a pasted full text is cut, so that explaining stays cheap. */
    static final int MAX_SENTENCES = 24;
    private static final int MIN_CHARS = 12;

    private Sentences() {
    }

    /**
     * The sentences of a text, in order: the title (the text's first line) is one, the rest is split where English
     * sentences end; fragments too short to mean anything ("e.g.") join the sentence before them.
     */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.strip().split("\\R+")) {
            BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            boundaries.setText(part);
            int start = boundaries.first();
            for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
                String sentence = part.substring(start, end).strip();
                if (sentence.isEmpty()) {
                    continue;
                }
                if (sentence.length() < MIN_CHARS && !out.isEmpty()) {
                    out.set(out.size() - 1, out.getLast() + " " + sentence);
                } else {
                    out.add(sentence);
                }
            }
        }
        return out.size() > MAX_SENTENCES ? new ArrayList<>(out.subList(0, MAX_SENTENCES)) : out;
    }
}
