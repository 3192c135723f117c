package dev.akin.paper;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Dates as listings print them: "Feb 15, 2023", or "Jun 9" for the current year (which the page doesn't say). */
final class ListingDates {
    static final String PATTERN = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}(?:, \\d{4})?";
    private static final Pattern WHOLE = Pattern.compile(PATTERN);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    private ListingDates() {
    }

    static boolean isDate(String text) {
        return WHOLE.matcher(text).matches();
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
