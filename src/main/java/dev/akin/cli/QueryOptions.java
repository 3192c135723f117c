package dev.akin.cli;

import dev.akin.index.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options of the query commands: how many results, which papers may appear, how to print. */
final class QueryOptions {
    @Option(names = {"-k", "--k"}, paramLabel = "K", description = "Number of results, 1..1000 (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int k;

    @Option(names = "--year-from", paramLabel = "YEAR", description = "Only papers from this year on.")
    Integer yearFrom;

    @Option(names = "--year-to", paramLabel = "YEAR", description = "Only papers up to this year.")
    Integer yearTo;

    @Option(names = "--category", paramLabel = "CAT", description = "Only papers in this category (e.g. cs.CL).")
    String category;

    @Option(names = "--exclude", paramLabel = "ID", arity = "1..*", description = "Never return these papers.")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
    boolean json;

    Filter filter() {
        return new Filter(yearFrom, yearTo, category, Set.copyOf(excluded));
    }
}
