package dev.akin.paper;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads scraped "daily papers" listings in their three layouts, which may be mixed in one file:
 * <ul>
 *   <li>one line per paper: "- Title Abstract N authors · Mon D, YYYY" (the dash may be an upvote count);</li>
 *   <li>a title line followed by an abstract line, blank lines between them or not;</li>
 *   <li>the same followed by "• N authors", "·" and a date line, sometimes an upvote count.</li>
 * </ul>
 * Page chrome ("Subscribe", "Daily Papers", a lone date above the first paper ...) is dropped.
 */
public final class ListingReader implements PaperReader {
    private static final Set<String> CHROME = Set.of("new", "Subscribe", "Daily Papers",
            "byAK and the research community", "Get trending papers in your email inbox!",
            "Get trending papers in your email inbox once a day!");
    private static final Pattern AUTHORS = Pattern.compile("•\\s*(\\d+) authors?");
    private static final Pattern UPVOTES = Pattern.compile("\\d+");
    private static final Pattern ONE_LINE = Pattern.compile(
            "(?:-|\\d+) (.+?) (\\d+) authors? · (" + ListingDates.PATTERN + ")(?: \\d+)?");
    /** An abstract is prose: long, or several sentences. A title line is neither. */
    private static final int MAX_TITLE_CHARS = 300;

    /** Keeps no state between files, so {@link InputFormat} shares one instance. */
    public ListingReader() {
    }

    @Override
    public void read(Lines lines, PaperSink sink) {
        Block block = null;
        for (String raw = lines.next(); raw != null; raw = lines.next()) {
            String line = stripChrome(raw.strip());
            if (line.isEmpty()) {
                continue;
            }
            Matcher one = ONE_LINE.matcher(line);
            Matcher authors = AUTHORS.matcher(line);
            if (one.matches()) {
                emit(block, sink);
                block = null;
                oneLine(one, lines, sink);
            } else if (authors.matches() || line.equals("·") || ListingDates.isDateLine(line)
                    || UPVOTES.matcher(line).matches()) {
                // Metadata belongs to the paper above it; above the first paper it is chrome (the page's date).
                if (block != null) {
                    block.meta(line, authors.matches() ? Integer.valueOf(authors.group(1)) : null);
                }
            } else if (block != null && block.wantsAbstract()) {
                block.abstractText = line;
            } else {
                emit(block, sink);
                block = null;
                if (looksLikeProse(line)) {
                    sink.skip(new Skipped(lines.where(), "an abstract with no title line above it"));
                } else {
                    block = new Block(line, lines.where());
                }
            }
        }
        emit(block, sink);
    }

    private static boolean looksLikeProse(String line) {
        return line.length() > MAX_TITLE_CHARS || line.split("\\. ").length > 2;
    }

    private static String stripChrome(String line) {
        if (CHROME.contains(line)) {
            return "";
        }
        // The scraper once glued the "Subscribe" button to the first title.
        if (line.startsWith("Subscribe") && line.length() > 9 && Character.isUpperCase(line.charAt(9))) {
            return line.substring(9);
        }
        return line;
    }

    private static void oneLine(Matcher m, Lines lines, PaperSink sink) {
        String[] words = m.group(1).split(" ");
        int split = TitleSplitter.abstractStart(words);
        if (split < 0) {
            sink.skip(new Skipped(lines.where(), "cannot tell the title from the abstract"));
            return;
        }
        String title = String.join(" ", Arrays.copyOfRange(words, 0, split));
        String abstractText = String.join(" ", Arrays.copyOfRange(words, split, words.length));
        var date = ListingDates.parse(m.group(3));
        send(sink, lines.where(), () -> new Paper(PaperIds.fromTitle(title), title, abstractText, null,
                Integer.valueOf(m.group(2)), date, null, null, lines.where()));
    }

    private static void emit(Block block, PaperSink sink) {
        if (block == null) {
            return;
        }
        send(sink, block.where, () -> new Paper(PaperIds.fromTitle(block.title), block.title, block.abstractText,
                null, block.authorCount, block.date, null, null, block.where));
    }

    /** A record that is not a paper (e.g. a "title" of only punctuation) is skipped with the reason, not thrown. */
    private static void send(PaperSink sink, String where, Supplier<Paper> paper) {
        Paper made;
        try {
            made = paper.get();
        } catch (IllegalArgumentException e) {
            sink.skip(new Skipped(where, e.getMessage()));
            return;
        }
        sink.accept(made);
    }

    /** A paper of the multi-line layouts, filled line by line. */
    private static final class Block {
        final String title;
        final String where;
        String abstractText;
        Integer authorCount;
        LocalDate date;
        boolean sawMeta;

        Block(String title, String where) {
            this.title = title;
            this.where = where;
        }

        boolean wantsAbstract() {
            return abstractText == null && !sawMeta;
        }

        void meta(String line, Integer authors) {
            sawMeta = true;
            if (authors != null) {
                authorCount = authors;
            } else if (ListingDates.isDateLine(line)) {
                date = ListingDates.parse(ListingDates.datePart(line));
            }
        }
    }
}
