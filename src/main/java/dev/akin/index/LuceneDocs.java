package dev.akin.index;

import dev.akin.paper.Paper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/** The mapping between a paper and its Lucene document. */
final class LuceneDocs {
    /**
     * Version of the document layout: 2 added the lexical field, 3 the hit doc values, 4 the term counts. An index
     * of an older layout is rewritten, paper by paper with its stored vector, by the next indexing run.
     */
    static final int LAYOUT = 4;
    static final String ID = "id";
    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    static final String AUTHOR = "author";
    static final String AUTHOR_COUNT = "authorCount";
    static final String DATE = "date";
    static final String YEAR = "year";
    static final String CATEGORY = "category";
    static final String SOURCE = "source";
    static final String TEXT_HASH = "textHash";
    static final String META_HASH = "metaHash";
    static final String VECTOR = "vector";
    /** Title and abstract together, English-analyzed (stemmed, no stop words), for BM25; not stored. */
    static final String TEXT = "text";
    /**
     * The passage vectors, when the index keeps them: doc values, so that scoring a candidate reads only them and
     * not the stored title and abstract. Optional, so no layout change.
     */
    static final String PASSAGES = "passages";
    /** Id, title and year together as doc values (see {@link HitValues}); a new field name, as Lucene requires. */
    static final String HIT = "hit";
    /** The lexical field's terms with their counts, as doc values (see {@link TermCounts}). */
    static final String TERMS = "terms";

    private static final Set<String> HIT_FIELDS = Set.of(ID, TITLE, YEAR);

    private LuceneDocs() {
    }

    /** @param analyzer the lexical field's analyzer, as the writer has it */
    static Document toDocument(IndexedPaper indexed, Analyzer analyzer) {
        Paper p = indexed.paper();
        String text = p.title() + "\n" + p.abstractText();
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        // Title and abstract stay indexed as well as stored, as in layout 1: Lucene refuses to change a field's
        // index options in an existing index, and layout 1 indexes can then be rewritten in place.
        doc.add(new TextField(TITLE, p.title(), Field.Store.YES));
        doc.add(new TextField(ABSTRACT, p.abstractText(), Field.Store.YES));
        doc.add(new TextField(TEXT, text, Field.Store.NO));
        doc.add(new BinaryDocValuesField(TERMS, TermCounts.of(analyzer, text).encode()));
        p.authors().forEach(a -> doc.add(new StoredField(AUTHOR, a)));
        if (p.authorCount() != null) {
            doc.add(new StoredField(AUTHOR_COUNT, p.authorCount()));
        }
        if (p.date() != null) {
            doc.add(new StoredField(DATE, p.date().toString()));
        }
        if (p.year() != null) {
            doc.add(new IntPoint(YEAR, p.year()));
            doc.add(new StoredField(YEAR, p.year()));
        }
        p.categories().forEach(c -> doc.add(new StringField(CATEGORY, c, Field.Store.YES)));
        doc.add(new StoredField(SOURCE, p.source()));
        doc.add(new StoredField(TEXT_HASH, indexed.textHash()));
        doc.add(new StoredField(META_HASH, indexed.metaHash()));
        doc.add(new BinaryDocValuesField(HIT, HitValues.encode(p.id(), p.title(), p.year())));
        doc.add(new KnnFloatVectorField(VECTOR, indexed.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        if (indexed.passages() != null) {
            doc.add(new BinaryDocValuesField(PASSAGES, indexed.passages().encode()));
        }
        return doc;
    }

    /** The paper with this id in the searcher's snapshot, with its vector and content hashes. */
    static Optional<IndexedPaper> find(IndexSearcher searcher, String id) throws IOException {
        int doc = BinaryValues.docsOf(searcher, List.of(id))[0];
        if (doc < 0) {
            return Optional.empty();
        }
        Document stored = searcher.storedFields().document(doc);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return Optional.of(new IndexedPaper(toPaper(stored), vector(leaf.reader(), doc - leaf.docBase),
                stored.get(TEXT_HASH), stored.get(META_HASH),
                BinaryValues.read(searcher, PASSAGES, new int[] {doc}, PassageVectors::decode).getFirst()));
    }

    /** Whether any segment holds passage vectors. */
    static boolean hasPassages(IndexSearcher searcher) {
        return searcher.getIndexReader().leaves().stream()
                .anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(PASSAGES) != null);
    }

    /** English analysis for the lexical field; Lucene's standard analysis for anything else. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(TEXT, new EnglishAnalyzer()));
    }

    /**
     * Hits and the documents they were read from (top-level doc ids, in the same order), valid only within the
     * searcher's snapshot: so that more of a hit's values can be read without finding it again by id.
     */
    record Found(List<Hit> hits, int[] docs) {
        /** The hits at these positions, in the order given. */
        Found at(int[] positions) {
            int[] kept = new int[positions.length];
            Arrays.setAll(kept, i -> docs[positions[i]]);
            return new Found(Arrays.stream(positions).mapToObj(hits::get).toList(), kept);
        }
    }

    /**
     * The first {@code k} of the scored documents whose ids are not in {@code skip}, as hits.
     *
     * @param score turns Lucene's score into the one reported
     */
    static Found hits(IndexSearcher searcher, ScoreDoc[] docs, int k, Set<String> skip, DoubleUnaryOperator score)
            throws IOException {
        // Skipped ids are few: the first k + |skip| documents always hold the first k others.
        int n = Math.min(docs.length, k + skip.size());
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> docs[i].doc);
        List<HitValues.Shown> shown = shown(searcher, ids);
        List<Hit> hits = new ArrayList<>(Math.min(k, n));
        int[] hitDocs = new int[Math.min(k, n)];
        for (int i = 0; i < n && hits.size() < k; i++) {
            HitValues.Shown hit = shown.get(i);
            if (!skip.contains(hit.id())) {
                hitDocs[hits.size()] = docs[i].doc;
                hits.add(new Hit(hit.id(), hit.title(), hit.year(),
                        score.applyAsDouble(docs[i].score)));
            }
        }
        return new Found(hits, Arrays.copyOf(hitDocs, hits.size()));
    }

    /** See {@link VectorStore#held}: found by id, shown from the doc values (or stored fields, before layout 3). */
    static List<Hit> held(IndexSearcher searcher, List<Hit> hits) throws IOException {
        int[] docs = BinaryValues.docsOf(searcher, hits.stream().map(Hit::id).toList());
        List<HitValues.Shown> shown = shown(searcher, docs);
        List<Hit> held = new ArrayList<>(hits.size());
        for (int i = 0; i < docs.length; i++) {
            HitValues.Shown hit = shown.get(i);
            if (hit != null) {
                held.add(new Hit(hit.id(), hit.title(), hit.year(), hits.get(i).score()));
            }
        }
        return held;
    }

    /** Each document's id, title and year, in order; null where {@code docs} holds a negative (absent) doc id. */
    private static List<HitValues.Shown> shown(IndexSearcher searcher, int[] docs) throws IOException {
        List<HitValues.Shown> shown = HitValues.read(searcher, docs);
        StoredFields stored = null;
        for (int i = 0; i < docs.length; i++) {
            if (shown.get(i) == null && docs[i] >= 0) {
                // A segment written before layout 3, until the next indexing run rewrites it.
                stored = stored == null ? searcher.storedFields() : stored;
                shown.set(i, shownFromStored(stored, docs[i]));
            }
        }
        return shown;
    }

    private static HitValues.Shown shownFromStored(StoredFields stored, int doc) throws IOException {
        Document document = stored.document(doc, HIT_FIELDS);
        var year = document.getField(YEAR);
        return new HitValues.Shown(document.get(ID), document.get(TITLE),
                year == null ? null : year.numericValue().intValue());
    }

    static Paper toPaper(Document doc) {
        String date = doc.get(DATE);
        var year = doc.getField(YEAR);
        var authorCount = doc.getField(AUTHOR_COUNT);
        return new Paper(doc.get(ID), doc.get(TITLE), doc.get(ABSTRACT), List.of(doc.getValues(AUTHOR)),
                authorCount == null ? null : authorCount.numericValue().intValue(),
                date == null ? null : LocalDate.parse(date),
                year == null ? null : year.numericValue().intValue(),
                List.of(doc.getValues(CATEGORY)), doc.get(SOURCE));
    }

    /** The stored vector of each document (top-level doc ids), in order; null where {@code docs} holds -1. */
    static List<float[]> vectors(IndexSearcher searcher, int[] docs) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<float[]> out = new ArrayList<>(docs.length);
        for (int doc : docs) {
            LeafReaderContext leaf = doc < 0 ? null : leaves.get(ReaderUtil.subIndex(doc, leaves));
            out.add(leaf == null ? null : vector(leaf.reader(), doc - leaf.docBase));
        }
        return out;
    }

    /** The stored float32 vector of a document (quantized formats keep it beside the quantized copy). */
    static float[] vector(LeafReader leaf, int doc) throws IOException {
        FloatVectorValues values = leaf.getFloatVectorValues(VECTOR);
        if (values == null) {
            throw new IndexException("segment " + leaf + " has no '" + VECTOR + "' field");
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc) != doc) {
            throw new IndexException("document " + doc + " of segment " + leaf + " has no vector");
        }
        return values.vectorValue(it.index()).clone();
    }

}
