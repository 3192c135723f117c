package dev.akin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.index.Filter;
import dev.akin.search.Akin;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads and checks request parameters and bodies; every refusal names the parameter and the bad value. */
final class Requests {
    static final int MAX_K = 1000;
    static final int MAX_QUERY_CHARS = 2000;
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:/+-]{1,256}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

    private Requests() {
    }

    static void allowOnly(Context ctx, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown query parameter(s) " + unknown + "; allowed: " + new TreeSet<>(allowed));
        }
    }

    static void onlyFields(JsonNode body, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        body.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown field(s) " + unknown + "; allowed: " + new TreeSet<>(allowed));
        }
    }

    static boolean flag(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest(field + " must be true or false, got " + printable(node.toString()));
        }
        return node.booleanValue();
    }

    /** mode, minScore, mmr and explain: how similar and search find, order and explain papers. */
    static SearchOptions ranking(Context ctx) {
        SearchOptions options = SearchOptions.DEFAULTS;
        try {
            String mode = ctx.queryParam("mode");
            if (mode != null) {
                options = options.with(Retrieval.parse(printable(mode)));
            }
            String minScore = ctx.queryParam("minScore");
            if (minScore != null) {
                options = options.withMinScore(number(minScore, "minScore"));
            }
            String mmr = ctx.queryParam("mmr");
            if (mmr != null) {
                options = options.withMmrLambda(number(mmr, "mmr"));
            }
            String explain = ctx.queryParam("explain");
            if (explain != null && !explain.equals("true") && !explain.equals("false")) {
                throw ApiException.badRequest("explain must be true or false, got '" + printable(explain) + "'");
            }
            return options.withExplain("true".equals(explain));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static double number(String raw, String field) {
        try {
            double value = Double.parseDouble(raw.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(field + " '" + printable(raw) + "' is not a number");
    }

    static String id(String raw, String field) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw ApiException.badRequest(field + " '" + printable(raw) + "' is not a paper id (1..256 letters, digits"
                    + " and . _ : / + -)");
        }
        return raw;
    }

    static int k(String raw) {
        if (raw == null) {
            return 10;
        }
        Integer k = integer(raw, "k");
        if (k < 1 || k > MAX_K) {
            throw ApiException.badRequest("k must be in 1.." + MAX_K + ", got " + k);
        }
        return k;
    }

    static String query(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("q is required: the text to search for");
        }
        return text(raw, "q");
    }

    /** A text parameter: not blank, within the query length limit. */
    static String text(String raw, String field) {
        if (raw.isBlank()) {
            throw ApiException.badRequest(field + " must not be blank");
        }
        if (raw.length() > MAX_QUERY_CHARS) {
            throw ApiException.badRequest(field + " has " + raw.length() + " characters; the limit is "
                    + MAX_QUERY_CHARS);
        }
        return raw;
    }

    /** The filter of the query parameters yearFrom, yearTo and category, as below. */
    static Filter filter(Context ctx, Akin akin) {
        return filter(ctx.queryParam("yearFrom"), ctx.queryParam("yearTo"), ctx.queryParam("category"), akin);
    }

    /** The filter of yearFrom, yearTo and category; a category no paper has is refused as a likely typo. */
    static Filter filter(String yearFrom, String yearTo, String category, Akin akin) {
        Integer from = yearFrom == null || yearFrom.isEmpty() ? null : year(yearFrom, "yearFrom");
        Integer to = yearTo == null || yearTo.isEmpty() ? null : year(yearTo, "yearTo");
        if (from != null && to != null && from > to) {
            throw ApiException.badRequest("yearFrom " + from + " is after yearTo " + to);
        }
        String cat = category == null || category.isEmpty() ? null : category;
        if (cat != null && (cat.length() > 100 || !akin.knownCategory(cat))) {
            throw ApiException.badRequest("category '" + printable(cat) + "' is not the category of any indexed paper");
        }
        return new Filter(from, to, cat, Set.of());
    }

    static JsonNode body(Context ctx, ObjectMapper json) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw ApiException.badRequest("malformed JSON" + (where == null ? "" : " at line " + where.getLineNr()
                    + ", column " + where.getColumnNr()) + ": " + printable(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("unreadable body: " + printable(e.getMessage()));
        }
    }

    static List<String> ids(JsonNode node, String field, boolean required) {
        List<String> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.badRequest(field + " is required: a list of paper ids");
            }
            return ids;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest(field + " must be a list of paper ids");
        }
        if (node.size() > MAX_K) {
            throw ApiException.badRequest(field + " has " + node.size() + " ids; the limit is " + MAX_K);
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw ApiException.badRequest(field + "[" + i + "] must be a string");
            }
            ids.add(id(node.get(i).asText(), field + "[" + i + "]"));
        }
        if (required && ids.isEmpty()) {
            throw ApiException.badRequest(field + " must name at least one paper");
        }
        return ids;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : "\u0000";
    }

    private static int year(String raw, String field) {
        int year = integer(raw, field);
        if (year < 0 || year > 9999) {
            throw ApiException.badRequest(field + " must be a year, got " + year);
        }
        return year;
    }

    private static Integer integer(String raw, String field) {
        if (!INTEGER.matcher(raw).matches()) {
            throw ApiException.badRequest(field + " must be an integer, got '" + printable(raw) + "'");
        }
        return Integer.valueOf(raw);
    }

    /** A value safe to echo: control characters escaped, long values cut. */
    static String printable(String raw) {
        if (raw == null) {
            return "";
        }
        String cut = raw.length() > 80 ? raw.substring(0, 80) + "..." : raw;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
