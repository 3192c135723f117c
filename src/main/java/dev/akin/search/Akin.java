package dev.akin.search;

import dev.akin.embed.ModelSpec;
import dev.akin.embed.Vectors;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.index.Hits;
import dev.akin.index.IndexStats;
import dev.akin.index.IndexedPaper;
import dev.akin.index.LuceneVectorStore;
import dev.akin.index.ModelMismatchException;
import dev.akin.index.VectorStore;
import dev.akin.index.Vectorization;
import dev.akin.paper.Paper;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * akin as a library: index papers and ask for similar ones, in-process.
 *
 * <pre>{@code
 * try (Akin akin = Akin.open(AkinConfig.at(Path.of("index"), Path.of("models")))) {
 *     akin.index(List.of(Path.of("data")), IndexOptions.defaults(), IndexProgress.NONE);
 *     Results similar = akin.similar("some-paper-id", 10, Filter.NONE);
 * }
 * }</pre>
 *
 * Thread-safe. Queries by id use stored vectors and load no model; the model is loaded on the first call that
 * needs inference. Close it to release the index and the model's native memory.
 */
public final class Akin implements AutoCloseable {
    /** How strongly disliked papers push a recommendation away (Rocchio's gamma over beta). */
    public static final float UNLIKE_WEIGHT = 0.5f;
    /**
     * Text search's retrieval when the caller names none: BM25 and the embedding, scores normalized and averaged.
     * On SciFact's train split it beats either alone by 0.03 to 0.08 nDCG@10 with every bundled model; the best
     * dense share is 0.4 for MiniLM and 0.6 for bge-small, so 0.5 serves both (docs/benchmarks.md).
     */
    public static final Retrieval DEFAULT_SEARCH = Retrieval.hybrid(Retrieval.Fusion.WEIGHTED, 0.5);
    /** Paper-to-paper retrieval when the caller names none: the best on CSFCube's dev folds (docs/benchmarks.md). */
    public static final Retrieval DEFAULT_SIMILAR = Retrieval.DENSE;
    /**
     * A focused similar's retrieval when the caller names none: the focus is text, and as for text search BM25 helps.
     * On CSFCube (a facet's sentences as the focus) it beats focused dense on MAP and NDCG%20 with both bundled
     * int8 models (docs/benchmarks.md).
     */
    public static final Retrieval DEFAULT_FOCUSED_SIMILAR = Retrieval.hybrid(Retrieval.Fusion.WEIGHTED, 0.7);
    /**
     * The paper's own share of a focused similar's query vector, against the focus's. On CSFCube (a facet's
     * sentences as the focus) equal shares beat the paper alone and the focus alone (docs/benchmarks.md).
     */
    public static final double FOCUS_PAPER_WEIGHT = 0.5;
    private static final int MAX_K = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Akin.class);

    private final VectorStore store;
    private final Retriever retriever;
    private final Queries queries;
    private final LazyModel model;

    private Akin(AkinConfig config, VectorStore store) {
        this.store = store;
        this.model = new LazyModel(config, store);
        this.retriever = new Retriever(store, model::get, MAX_K);
        this.queries = new Queries(store, model::bound);
    }

    /** Opens the index in {@code config.index()} (created on the first write) with the configured model. */
    public static Akin open(AkinConfig config) {
        LOG.info("{}", Vectorization.describe());
        VectorStore store = LuceneVectorStore.open(config.index(), config.settings());
        try {
            if (config.model() != null) {
                // Cheap early check (descriptor only); the checksum is compared when the model loads.
                String name = ModelSpec.load(LazyModel.folder(config)).name();
                store.fingerprint().filter(f -> !f.name().equals(name)).ifPresent(f -> {
                    throw new ModelMismatchException("index at " + config.index() + " was built with model "
                            + f.name() + ", not " + name + "; query it with --model " + f.name()
                            + ", or reindex into a new --index folder with " + name);
                });
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new Akin(config, store);
    }

    /**
     * Indexes papers from files and folders (listings, JSON Lines, CSV), incrementally: unchanged papers are not
     * embedded again. Takes the write lock once the inputs are found, so that a second writer fails before the
     * long reading pass, even when it would have nothing to write.
     *
     * @throws dev.akin.index.IndexLockedException when another writer holds the lock
     */
    public IndexReport index(List<Path> paths, IndexOptions options, IndexProgress progress) {
        return new Indexer(store, model.get(), options, progress).run(paths);
    }

    /** Adds or replaces papers given as values, committed on return. Returns how many were embedded. */
    public int upsert(List<Paper> papers) {
        store.upsert(Indexer.embedded(papers, model.bound(), store.hasPassages()));
        store.commit();
        return papers.size();
    }

    /** Deletes papers by id, committed on return; returns how many existed. */
    public int delete(Collection<String> ids) {
        int deleted = store.delete(ids);
        store.commit();
        return deleted;
    }

    /** Of these hits, the ones this index holds, in order, with this index's title and year. */
    List<Hit> held(List<Hit> hits) {
        return store.held(hits);
    }

    /** The stored paper. */
    public Paper paper(String id) {
        return stored(id).paper();
    }

    /** Papers most like a stored paper, the paper itself excluded, by {@link #DEFAULT_SIMILAR}. */
    public Results similar(String paperId, int k, Filter filter) {
        return similar(paperId, k, filter, SearchOptions.DEFAULTS);
    }

    /**
     * Papers most like a stored paper, the paper itself excluded (and any twin of it: the same normalized title under
     * another id): by its stored vector (no inference), by its title and abstract as a BM25 query, or both fused, as
     * {@code options} say.
     */
    public Results similar(String paperId, int k, Filter filter, SearchOptions options) {
        checkK(k);
        IndexedPaper paper = stored(paperId);
        return retriever.run(queries.paper(paper), titles(List.of(paper)), k, filter,
                orDefault(options, DEFAULT_SIMILAR), modelName());
    }

    /**
     * Papers like a stored paper in one respect, the paper itself and its twins excluded. {@code focus} is the
     * respect: some of the paper's sentences (its method, say, or its results), or any text. The query vector is
     * the paper's and the focus's query embedding averaged ({@link #FOCUS_PAPER_WEIGHT}), BM25 searches the title
     * and the focus, and passage matching compares the focus's sentences with each candidate's; by
     * {@link #DEFAULT_FOCUSED_SIMILAR} unless {@code options} name a retrieval. Embeds the focus (and, for passage
     * modes, its sentences).
     *
     * @param focus what the answer should be similar in; null asks {@link #similar(String, int, Filter,
     *     SearchOptions)}
     */
    public Results similar(String paperId, String focus, int k, Filter filter, SearchOptions options) {
        if (focus == null) {
            return similar(paperId, k, filter, options);
        }
        checkK(k);
        IndexedPaper paper = stored(paperId);
        return retriever.run(queries.focused(paper, focus, FOCUS_PAPER_WEIGHT), titles(List.of(paper)), k, filter,
                orDefault(options, DEFAULT_FOCUSED_SIMILAR), modelName());
    }

    /** Papers most like a text (a query, or a whole abstract), by {@link #DEFAULT_SEARCH}. */
    public Results search(String text, int k, Filter filter) {
        return search(text, k, filter, SearchOptions.DEFAULTS);
    }

    /** Papers most like a text (a query, or a whole abstract): by its embedding, by BM25, or both fused. */
    public Results search(String text, int k, Filter filter, SearchOptions options) {
        checkK(k);
        return retriever.run(queries.text(text), List.of(), k, filter, orDefault(options, DEFAULT_SEARCH),
                modelName());
    }

    /**
     * One text asked under several retrievals, its representations (query embedding, sentences) computed once for
     * all: an ensemble's lists from one engine. Each answer as {@link #search(String, int, Filter, SearchOptions)}.
     */
    List<Results> searchEach(String text, int k, Filter filter, List<Retrieval> retrievals) {
        checkK(k);
        Query query = queries.text(text);
        return retrievals.stream().map(r -> retriever.run(query, List.of(), k, filter, SearchOptions.DEFAULTS.with(r),
                modelName())).toList();
    }

    /**
     * Papers like the liked ones and unlike the unliked ones (Rocchio over stored vectors: no inference); the
     * given papers are excluded, and so are their twins (the same normalized title under another id).
     */
    public Results recommend(Collection<String> likedIds, Collection<String> unlikedIds, int k, Filter filter) {
        checkK(k);
        if (likedIds.isEmpty()) {
            throw new IllegalArgumentException("recommend needs at least one liked paper id");
        }
        List<IndexedPaper> liked = likedIds.stream().map(this::stored).toList();
        List<IndexedPaper> unliked = unlikedIds.stream().map(this::stored).toList();
        Set<String> given = new HashSet<>(likedIds);
        given.addAll(unlikedIds);
        float[] query = Vectors.rocchio(vectors(liked), vectors(unliked), UNLIKE_WEIGHT);
        // A liked paper's twin (another id, the same title) has its vector, so it ranks near the top: one extra
        // candidate per liked paper stands in for it, and a few for twins among the answers.
        Hits found = store.nearest(query, Math.min(MAX_K, k + likedIds.size() + 3), filter, given);
        List<Hit> hits = Rerank.distinctTitles(found.hits(),
                titles(Stream.concat(liked.stream(), unliked.stream()).toList()));
        return answer(new Hits(hits.subList(0, Math.min(k, hits.size())), found.exact()));
    }

    /**
     * Papers nearest to a unit vector of this index's model (e.g. one from {@link #embedQuery}).
     *
     * @param vector the query vector
     * @param k how many, 1..1000
     * @param filter which papers may be returned
     * @param exact score every candidate instead of searching the HNSW graph
     * @return the papers, best first
     */
    public Results nearest(float[] vector, int k, Filter filter, boolean exact) {
        checkK(k);
        return answer(store.nearest(vector, k, filter, Set.of(), exact));
    }

    /**
     * The stored vector of a paper.
     *
     * @param paperId an indexed paper
     * @return its unit vector
     */
    public float[] vector(String paperId) {
        return stored(paperId).vector();
    }

    /**
     * The query-side vector of a text: with the model's query instruction where it has one (BGE).
     *
     * @param text a search query
     * @return its unit vector
     */
    public float[] embedQuery(String text) {
        return model.bound().embedQuery(text);
    }

    /** The model's unit vectors for texts (as documents), for callers that keep their own store. */
    public List<float[]> embed(List<String> texts) {
        return model.get().embedDocuments(texts);
    }

    /**
     * Takes the index's write lock now, so that a second writer fails at once rather than later. A server that
     * accepts writes calls this at startup.
     *
     * @throws dev.akin.index.IndexLockedException when another writer holds the lock
     */
    public void holdWriteLock() {
        store.openForWriting();
    }

    /**
     * Whether a category exists, so that a typo in a filter can be told apart from a filter that matches nothing.
     *
     * @param category a category name, e.g. "cs.CL"
     * @return whether any indexed paper has it
     */
    public boolean knownCategory(String category) {
        return store.hasCategory(category);
    }

    /** Paper count, size, model and settings of the index. */
    public IndexStats stats() {
        return store.stats();
    }

    /**
     * Merges the index into one segment, so a query walks one HNSW graph instead of one per segment: at 1M papers
     * this cut query latency severalfold (docs/benchmarks.md). Takes minutes on a large index; queries keep being
     * answered meanwhile, from the segments as they were.
     */
    public void merge() {
        store.merge(1);
    }

    /** Name of the model whose vectors the index holds, or of the configured model for an empty index. */
    public String modelName() {
        return store.fingerprint().map(f -> f.name()).orElseGet(model::configuredName);
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            model.close();
        }
    }

    private static SearchOptions orDefault(SearchOptions options, Retrieval retrieval) {
        return options.retrieval() == null ? options.with(retrieval) : options;
    }

    private static List<String> titles(List<IndexedPaper> papers) {
        return papers.stream().map(p -> p.paper().title()).toList();
    }

    private static List<float[]> vectors(List<IndexedPaper> papers) {
        return papers.stream().map(IndexedPaper::vector).toList();
    }

    private IndexedPaper stored(String id) {
        return store.get(id).orElseThrow(() -> new PaperNotFoundException(id));
    }

    private Results answer(Hits hits) {
        return new Results(hits.hits(), hits.exact(), modelName(), Retrieval.DENSE.toString());
    }

    private static void checkK(int k) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be in 1.." + MAX_K + ", got " + k);
        }
    }
}
