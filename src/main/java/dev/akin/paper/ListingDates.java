package dev.akin.paper;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as listings print them: "Feb 15, 2023", or "Jun 9" for the current year (which the page doesn't say). */
final class ListingDates {
    static final String PATTERN = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}(?:, \\d{4})?";
    /** A date line, sometimes followed by the paper's upvote count: "Jun 13, 2024 1". */
    private static final Pattern LINE = Pattern.compile("(" + PATTERN + ")(?: \\d+)?");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    private ListingDates() {
    }

    static boolean isDateLine(String text) {
        return LINE.matcher(text).matches();
    }

    /** The date part of a date line. */
    static String datePart(String line) {
        Matcher m = LINE.matcher(line);
        return m.matches() ? m.group(1) : line;
    }

    /** The full date, or null when the listing gave no year (a bare "Jun 9" cannot be placed in time). */
    static LocalDate parse(String text) {
        if (!text.contains(",")) {
            return null;
        }
        try {
            return LocalDate.parse(text, FULL);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
