package dev.akin.index;

import java.util.Set;

/**
 * Restricts which papers may be returned. Null parts don't restrict.
 *
 * @param yearFrom earliest year, inclusive
 * @param yearTo latest year, inclusive
 * @param category a category the paper must have (e.g. "cs.CL")
 * @param excludedIds papers never to return
 */
public record Filter(Integer yearFrom, Integer yearTo, String category, Set<String> excludedIds) {
    /** Restricts nothing. */
    public static final Filter NONE = new Filter(null, null, null, Set.of());

    /**
     * Treats null exclusions as none and a blank category as any; rejects a year range that holds no year.
     */
    public Filter {
        excludedIds = excludedIds == null ? Set.of() : Set.copyOf(excludedIds);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new IllegalArgumentException("year range is empty: from " + yearFrom + " to " + yearTo);
        }
        if (category != null && category.isBlank()) {
            category = null;
        }
    }

    /** True when nothing is restricted, so a search need not filter at all. */
    public boolean isNone() {
        return yearFrom == null && yearTo == null && category == null && excludedIds.isEmpty();
    }

    /** Papers from year {@code from} to {@code to}, both inclusive; either may be null for an open end. */
    public static Filter years(Integer from, Integer to) {
        return new Filter(from, to, null, Set.of());
    }

    /** A copy with the category replaced; null or blank means any. */
    public Filter withCategory(String newCategory) {
        return new Filter(yearFrom, yearTo, newCategory, excludedIds);
    }

    /** A copy with the excluded ids replaced (not added to). */
    public Filter excluding(Set<String> ids) {
        return new Filter(yearFrom, yearTo, category, ids);
    }
}
