package dev.akin.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** Reads a few documents' binary doc values, and finds documents by id, without the query machinery. */
final class BinaryValues {
    private BinaryValues() {
    }

    /**
     * {@code decode} of each document's value (top-level doc ids), in the order given; null where a document has
     * none or the doc id is negative (as {@link #docsOf} gives for an unknown id).
     */
    static <T> List<T> read(IndexSearcher searcher, String field, int[] docs, Function<BytesRef, T> decode)
            throws IOException {
        List<T> out = new ArrayList<>(Collections.nCopies(docs.length, null));
        visit(searcher, field, docs, (value, i) -> out.set(i, decode.apply(value)));
        return out;
    }

    /**
     * Hands each document's value (top-level doc ids) with its position in {@code docs} to {@code visitor}, in doc
     * order; skips documents without one and negative doc ids. A value is valid only during its call: doc values
     * reuse its bytes. Doc values iterate forwards only, hence the doc order.
     */
    static void visit(IndexSearcher searcher, String field, int[] docs, ObjIntConsumer<BytesRef> visitor)
            throws IOException {
        // Doc id and position packed into one long: sorting them needs no boxing or comparator.
        long[] order = new long[docs.length];
        Arrays.setAll(order, i -> (long) docs[i] << 32 | i);
        Arrays.sort(order);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        int last = -1;
        boolean has = false;
        for (long packed : order) {
            int i = (int) packed;
            if (docs[i] < 0) {
                continue;
            }
            if (docs[i] != last) {
                if (leaf == null || docs[i] >= leaf.docBase + leaf.reader().maxDoc()) {
                    leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                    values = leaf.reader().getBinaryDocValues(field);
                }
                last = docs[i];
                has = values != null && values.advanceExact(last - leaf.docBase);
            }
            if (has) {
                visitor.accept(values.binaryValue(), i);
            }
        }
    }

    /** The live document (top-level doc id) of each id, or -1 where none; one term lookup a segment. */
    static int[] docsOf(IndexSearcher searcher, List<String> ids) throws IOException {
        int[] docs = new int[ids.size()];
        Arrays.fill(docs, -1);
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(LuceneDocs.ID);
            if (terms == null) {
                continue;
            }
            TermsEnum it = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (int i = 0; i < docs.length; i++) {
                if (docs[i] < 0 && it.seekExact(new BytesRef(ids.get(i)))) {
                    postings = it.postings(postings, PostingsEnum.NONE);
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (live == null || live.get(d)) {
                            docs[i] = leaf.docBase + d;
                            break;
                        }
                    }
                }
            }
        }
        return docs;
    }
}
