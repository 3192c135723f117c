package dev.akin.index;

import dev.akin.embed.ModelFingerprint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where paper vectors live and are searched. One writer at a time; readers see the last commit, or every
 * write at once when they share the writer's process. Lucene is the implementation; a SolrCloud one may follow.
 */
public interface VectorStore extends AutoCloseable {
    /** The model whose vectors the store holds; empty for a new store. */
    Optional<ModelFingerprint> fingerprint();

    /**
     * Binds a new store to a model, or checks that an existing one was built by it.
     *
     * @throws ModelMismatchException when the store holds another model's vectors
     */
    void bindModel(ModelFingerprint model);

    /** The paper with this id, as of the last commit or {@link #refresh()} of this process. */
    Optional<IndexedPaper> get(String id);

    /**
     * The stored vectors of these papers, in the same order, from one snapshot, without reading the rest of each
     * paper; null where the store does not hold the id.
     */
    List<float[]> vectors(List<String> ids);

    /**
     * Of these hits (found elsewhere, e.g. in another model's index of the same papers), the ones this store holds,
     * in the same order, with their scores and with this store's title and year; from one snapshot.
     */
    List<Hit> held(List<Hit> hits);

    /** Adds papers, replacing any with the same id; visible to queries after {@link #refresh()} or commit. */
    void upsert(List<IndexedPaper> papers);

    /** Deletes papers by id; returns how many existed. */
    int delete(Collection<String> ids);

    /** Visits every stored id. */
    void forEachId(Consumer<String> visitor);

    /** Makes every write so far durable and visible to other processes, atomically, and to this one. */
    void commit();

    /** Makes every write so far visible to this process's queries, without making it durable. */
    void refresh();

    /**
     * The papers nearest to a unit vector.
     *
     * @param query unit-length query vector
     * @param k how many to return
     * @param filter which papers may be returned
     * @param skip ids to leave out without filtering (the query papers themselves)
     */
    Hits nearest(float[] query, int k, Filter filter, Set<String> skip);

    /**
     * As {@link #nearest(float[], int, Filter, Set)}, but scoring every candidate when {@code exact} is true: the
     * reference that approximate results are measured against.
     */
    Hits nearest(float[] query, int k, Filter filter, Set<String> skip, boolean exact);

    /**
     * The papers whose title and abstract best match a text by BM25; every matching paper is scored.
     *
     * @param query a search query, or a stored paper's title and abstract, whose indexed terms the store reads when
     *     it has them (only the most telling terms of a long text are used)
     * @param k how many to return
     * @param filter which papers may be returned
     * @param skip ids to leave out without filtering (the query papers themselves)
     * @throws IndexException when the index has papers but no lexical field (built by an older akin)
     */
    Hits lexical(LexicalQuery query, int k, Filter filter, Set<String> skip);

    /**
     * {@link #nearest} and {@link #lexical} for one query from one snapshot of the index, for fusion.
     *
     * @param query unit-length query vector
     * @param text the query's text, for BM25
     * @param depth how many of each
     * @param filter which papers may be returned
     * @param skip ids to leave out
     * @param passages whether to read the passage vectors of the dense hits too
     */
    HybridHits hybrid(float[] query, LexicalQuery text, int depth, Filter filter, Set<String> skip, boolean passages);

    /**
     * {@link #nearest}, cut to the shortlist's size by its rough passage match, with the passage vectors of the
     * hits that have them, from one snapshot. The hits stay in nearest order.
     *
     * @param query unit-length query vector
     * @param k how many candidates to shortlist from
     * @param filter which papers may be returned
     * @param skip ids to leave out without filtering (the query papers themselves)
     * @param shortlist how many of the k to keep, and by what
     */
    PassageHits nearestWithPassages(float[] query, int k, Filter filter, Set<String> skip, Shortlist shortlist);

    /**
     * The words two texts share that tell most about them: rare in the index, frequent in both; as written in
     * {@code b}.
     *
     * @param n at most this many
     */
    List<String> sharedTerms(String a, String b, int n);

    /** Whether papers were written in an older document layout (e.g. without the lexical field). */
    boolean outdatedLayout();

    /** Records that every paper has been rewritten in the current layout; durable with the next commit. */
    void markLayoutCurrent();

    /** Takes the write lock now rather than on the first write: a server that accepts writes holds it throughout. */
    void openForWriting();

    /** Whether any stored paper has this category. */
    boolean hasCategory(String category);

    /** Whether any paper has passage vectors: from then on, every write computes them. */
    boolean hasPassages();

    /** Number of live papers. */
    long count();

    /**
     * Merges the index down to at most {@code maxSegments} segments and commits. Slow (every graph is rebuilt),
     * but each query then walks fewer graphs; worth it for a large index that changes rarely.
     */
    void merge(int maxSegments);

    /** Paper count, size on disk, segments, model and settings. */
    IndexStats stats();

    /** Releases readers, the writer and its lock; uncommitted writes are dropped. */
    @Override
    void close();
}
