package dev.akin.search;

import dev.akin.index.LexicalQuery;
import dev.akin.index.PassageVectors;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one similar or search question asks with; each representation is computed only if the retrieval needs it,
 * and at most once.
 *
 * @param vector the query's unit vector
 * @param passages the query's passage vectors (its sentences)
 * @param lexical the query's text, for BM25 (with the stored paper it is, if any) and explanations
 * @param skip ids never to return (the query papers)
 */
record Query(Supplier<float[]> vector, Supplier<PassageVectors> passages, LexicalQuery lexical,
             Set<String> skip) {
    Query {
        vector = once(vector);
        passages = once(passages);
    }

    private static <T> Supplier<T> once(Supplier<T> compute) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = compute.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) value[0];
            return t;
        };
    }
}
