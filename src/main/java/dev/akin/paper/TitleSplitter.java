package dev.akin.paper;

import java.util.Set;

/**
 * Splits "Title Words Here The abstract starts here ..." where a one-line listing glues title and abstract with
 * a single space. Titles are in title case; an abstract's first sentence soon has lowercase content words. The
 * split is the capitalised word after which the next few words look most like running prose, less the prose-like
 * words it would leave in the title.
 */
final class TitleSplitter {
    private static final int LOOKAHEAD = 4;
    /** Words that stay lowercase inside a title-case title. */
    private static final Set<String> SMALL = Set.of("a", "an", "the", "and", "or", "nor", "but", "of", "for", "in",
            "on", "at", "to", "by", "via", "with", "from", "into", "as", "vs", "vs.",
            "over", "under", "than", "without", "through", "up", "per", "its", "their", "beyond", "about");

    private TitleSplitter() {
    }

    /** Index of the first abstract word in {@code words}, or -1 when no split looks plausible. */
    static int abstractStart(String[] words) {
        int best = -1;
        int bestScore = 0;
        int proseInTitle = 0;
        for (int j = 1; j < words.length; j++) {
            if (isProse(words[j - 1])) {
                proseInTitle++;
            }
            if (!startsUpper(words[j]) || words[j - 1].endsWith(":")) {
                continue;
            }
            int prose = 0;
            for (int i = j + 1; i < Math.min(words.length, j + 1 + LOOKAHEAD); i++) {
                if (isProse(words[i])) {
                    prose++;
                }
            }
            // A sentence's first word is followed by a lowercase one far more often than a title's last word is.
            boolean lowerNext = j + 1 < words.length && Character.isLowerCase(words[j + 1].charAt(0));
            int score = prose + (lowerNext ? 1 : 0) - proseInTitle;
            if (score > bestScore) {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }

    private static boolean startsUpper(String word) {
        int first = firstLetter(word);
        return first >= 0 && Character.isUpperCase(word.charAt(first));
    }

    private static boolean isProse(String word) {
        int first = firstLetter(word);
        return first == 0 && Character.isLowerCase(word.charAt(0)) && !SMALL.contains(word.toLowerCase());
    }

    private static int firstLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
