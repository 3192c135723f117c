package dev.akin.index;

import dev.akin.paper.Paper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.lucene.index.VectorSimilarityFunction;

/** The mapping between a paper and its Lucene document. */
final class LuceneDocs {
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

    private LuceneDocs() {
    }

    static Document toDocument(IndexedPaper indexed) {
        Paper p = indexed.paper();
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        // Title and abstract are analyzed as well as stored: lexical (BM25) retrieval builds on them.
        doc.add(new TextField(TITLE, p.title(), Field.Store.YES));
        doc.add(new TextField(ABSTRACT, p.abstractText(), Field.Store.YES));
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
        doc.add(new KnnFloatVectorField(VECTOR, indexed.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
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
