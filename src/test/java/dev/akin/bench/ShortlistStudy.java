package dev.akin.bench;

import dev.akin.eval.BeirCollection;
import dev.akin.eval.RankingMetrics;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the passages mode's shortlist changes in what a user sees: a k=10 answer (30 of the 100 candidates matched
 * sentence by sentence, chosen by the whole query vector) against the first 10 of a k=100 answer (all 100 matched
 * in full), on a BEIR collection's text queries (nDCG@10 of both, identical lists) and on similar-by-id for 200
 * papers. {@code akin eval} asks for 100 and so never shortlists. Arguments: collection folder, index folder with
 * sentence vectors, passages mode (default passages:0.4).
 */
final class ShortlistStudy {
    private ShortlistStudy() {
    }

    public static void main(String[] args) {
        Path collection = Path.of(args[0]);
        Retrieval mode = Retrieval.parse(args.length > 2 ? args[2] : "passages:0.4");
        SearchOptions options = SearchOptions.DEFAULTS.with(mode);
        try (Akin akin = Akin.open(AkinConfig.at(Path.of(args[1]), Path.of(System.getProperty("akin.models", "models"))))) {
            System.out.printf("%s, %s, %s: k=10 (shortlisted) against the first 10 of k=100 (all matched in full)%n",
                    collection, akin.modelName(), mode);
            System.out.println("| questions | nDCG@10 k=10 | nDCG@10 k=100 | identical top 10 | mean overlap |");
            System.out.println("|---|---|---|---|---|");
            for (String split : List.of("train", "test")) {
                BeirCollection c = BeirCollection.load(collection, split);
                Agreement a = new Agreement();
                c.queries().forEach((id, text) -> a.add(top(k -> akin.search(text, k, Filter.NONE, options).results()),
                        c.qrels().get(id)));
                System.out.printf("| %s queries (%d) | %.4f | %.4f | %d | %.3f |%n", split, a.n, a.ndcgShort / a.n,
                        a.ndcgFull / a.n, a.identical, a.overlap / a.n);
            }
            Agreement papers = new Agreement();
            akin.search("method results", 200, Filter.NONE, SearchOptions.DEFAULTS.with(Retrieval.LEXICAL)).results()
                    .forEach(p -> papers.add(top(k -> akin.similar(p.id(), k, Filter.NONE, options).results()), null));
            System.out.printf("| similar-by-id (%d papers) | | | %d | %.3f |%n", papers.n, papers.identical,
                    papers.overlap / papers.n);
        }
    }

    /** The k=10 answer's ids and the first 10 of the k=100 answer's. */
    private static List<List<String>> top(Function<Integer, List<Hit>> ask) {
        return List.of(ask.apply(10).stream().map(Hit::id).toList(),
                ask.apply(100).stream().map(Hit::id).limit(10).toList());
    }

    private static final class Agreement {
        int n;
        int identical;
        double overlap;
        double ndcgShort;
        double ndcgFull;

        void add(List<List<String>> both, Map<String, Integer> grades) {
            List<String> shortlisted = both.get(0);
            List<String> full = both.get(1);
            n++;
            identical += shortlisted.equals(full) ? 1 : 0;
            overlap += shortlisted.stream().filter(full::contains).count() / 10.0;
            if (grades != null) {
                ndcgShort += RankingMetrics.ndcg(shortlisted, grades, 10);
                ndcgFull += RankingMetrics.ndcg(full, grades, 10);
            }
        }
    }
}
