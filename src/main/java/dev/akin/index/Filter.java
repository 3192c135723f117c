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
    public static final Filter NONE = new Filter(null, null, null, Set.of());

    public Filter {
        excludedIds = excludedIds == null ? Set.of() : Set.copyOf(excludedIds);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new IllegalArgumentException("year range is empty: from " + yearFrom + " to " + yearTo);
        }
        if (category != null && category.isBlank()) {
            category = null;
        }
    }

    public boolean isNone() {
        return yearFrom == null && yearTo == null && category == null && excludedIds.isEmpty();
    }

    public static Filter years(Integer from, Integer to) {
        return new Filter(from, to, null, Set.of());
    }

    public Filter withCategory(String newCategory) {
        return new Filter(yearFrom, yearTo, newCategory, excludedIds);
    }

    public Filter excluding(Set<String> ids) {
        return new Filter(yearFrom, yearTo, category, ids);
    }
}
