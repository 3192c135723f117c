package dev.akin.index;

import dev.akin.embed.ModelFingerprint;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;

/**
 * The vector store on a Lucene index in a directory: one document per paper, vectors in an HNSW graph, the
 * model's fingerprint in the commit data. Reads go through {@link Snapshots}, writes through {@link StoreWriter},
 * which takes the write lock on the first write only, so any number of processes may query while one writes.
 */
public final class LuceneVectorStore implements VectorStore {
    private static final String FORMAT_KEY = "akin.format";
    private static final String LAYOUT_KEY = "akin.layout";
    private final Path path;
    /** As asked by the opener; the format may be left to the index ({@link #settings()}). */
    private final IndexSettings requested;
    private final Directory directory;
    private final Analyzer analyzer = LuceneDocs.analyzer();
    private final LexicalSearch lexicalSearch = new LexicalSearch(analyzer);
    private final Snapshots snapshots;
    private final StoreWriter writes;
    private volatile ModelFingerprint fingerprint;
    private volatile int layout = LuceneDocs.LAYOUT;
    private volatile VectorFormat recordedFormat;

    private LuceneVectorStore(Path path, IndexSettings requested, Directory directory) throws IOException {
        this.path = path;
        this.requested = requested;
        this.directory = directory;
        this.snapshots = new Snapshots(path, directory, this::readCommitData);
        this.writes = new StoreWriter(path, directory, analyzer, this::settings, snapshots);
    }

    /**
     * Opens (without creating) the index at {@code path}; it is created on the first write.
     *
     * @throws IndexException when the folder holds something that is not a readable Lucene index
     */
    public static LuceneVectorStore open(Path path, IndexSettings settings) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IndexException("index path " + path + " is a file, not a directory");
        }
        Directory directory = null;
        try {
            directory = FSDirectory.open(path);
            return new LuceneVectorStore(path, settings, directory);
        } catch (IOException | RuntimeException e) {
            closeQuietly(directory, e);
            throw new IndexException("cannot open index at " + path + ": " + e.getMessage()
                    + " (if it is damaged, move it aside and reindex)", e);
        }
    }

    @Override
    public Optional<ModelFingerprint> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    @Override
    public void bindModel(ModelFingerprint model) {
        ModelFingerprint current = fingerprint;
        if (current == null) {
            fingerprint = model;
            return;
        }
        current.difference(model).ifPresent(diff -> {
            throw new ModelMismatchException("index at " + path + " was built with model " + current
                    + ", not " + model + " (" + diff + "); query it with --model " + current.name()
                    + ", or reindex into a new --index folder with the new model");
        });
    }

    @Override
    public Optional<IndexedPaper> get(String id) {
        return snapshots.read(Optional.empty(), searcher -> LuceneDocs.find(searcher, id));
    }

    @Override
    public List<float[]> vectors(List<String> ids) {
        return snapshots.read(Collections.nCopies(ids.size(), null),
                searcher -> LuceneDocs.vectors(searcher, BinaryValues.docsOf(searcher, ids)));
    }

    @Override
    public List<Hit> held(List<Hit> hits) {
        return snapshots.read(List.of(), searcher -> LuceneDocs.held(searcher, hits));
    }

    @Override
    public void upsert(List<IndexedPaper> papers) {
        if (fingerprint == null) {
            throw new IllegalStateException("bindModel before writing to " + path);
        }
        for (IndexedPaper paper : papers) {
            if (paper.vector().length != fingerprint.dimensions()) {
                throw new IllegalArgumentException("paper '" + paper.paper().id() + "' has a "
                        + paper.vector().length + "-d vector; the index holds " + fingerprint.dimensions() + "-d");
            }
        }
        writes.upsert(papers);
    }

    @Override
    public int delete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        if (writes.isOpen()) {
            // This process's writes since the last refresh count too: a paper upserted a moment ago is deleted.
            snapshots.refresh();
        }
        // Found by id only, in one snapshot: no stored document is read.
        int existing = snapshots.read(0, searcher -> (int) Arrays.stream(
                BinaryValues.docsOf(searcher, List.copyOf(Set.copyOf(ids)))).filter(doc -> doc >= 0).count());
        // Deleting only unknown ids writes nothing: on a new index there would be no model to commit with.
        if (existing > 0) {
            writes.delete(ids);
        }
        return existing;
    }

    @Override
    public void forEachId(Consumer<String> visitor) {
        snapshots.read(null, searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields fields = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        visitor.accept(fields.document(doc, Set.of(LuceneDocs.ID)).get(LuceneDocs.ID));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void commit() {
        if (!writes.isOpen()) {
            return;
        }
        if (fingerprint == null) {
            if (writes.isEmpty()) {
                return; // a new index whose writer only holds the lock: no model yet, nothing to commit
            }
            throw new IllegalStateException("bindModel before committing to " + path);
        }
        Map<String, String> data = new HashMap<>(fingerprint.toMap());
        data.put(FORMAT_KEY, settings().format().toString());
        data.put(LAYOUT_KEY, Integer.toString(layout));
        writes.commit(data);
        refresh();
    }

    @Override
    public void refresh() {
        snapshots.refresh();
    }

    @Override
    public void merge(int maxSegments) {
        writes.merge(maxSegments);
        commit();
    }


    @Override
    public Hits nearest(float[] query, int k, Filter filter, Set<String> skip) {
        return nearest(query, k, filter, skip, false);
    }

    @Override
    public Hits nearest(float[] query, int k, Filter filter, Set<String> skip, boolean forceExact) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        return snapshots.read(new Hits(List.of(), true), searcher -> NearestSearch.run(searcher, requested, query, k,
                filter, skip, forceExact));
    }

    @Override
    public Hits lexical(LexicalQuery query, int k, Filter filter, Set<String> skip) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        return snapshots.read(new Hits(List.of(), true), searcher -> {
            LexicalSearch.check(searcher, path);
            return lexicalSearch.run(searcher, query, k, filter, skip);
        });
    }

    @Override
    public HybridHits hybrid(float[] query, LexicalQuery text, int depth, Filter filter, Set<String> skip,
                             boolean passages) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        Hits none = new Hits(List.of(), true);
        return snapshots.read(new HybridHits(PassageHits.without(none), none), searcher -> {
            LexicalSearch.check(searcher, path);
            PassageHits dense = passages
                    ? NearestSearch.withPassages(searcher, requested, query, depth, filter, skip, null)
                    : PassageHits.without(NearestSearch.run(searcher, requested, query, depth, filter, skip, false));
            return new HybridHits(dense, lexicalSearch.run(searcher, text, depth, filter, skip));
        });
    }

    @Override
    public PassageHits nearestWithPassages(float[] query, int k, Filter filter, Set<String> skip,
                                           Shortlist shortlist) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (shortlist == null) {
            throw new IllegalArgumentException("a passages search needs a shortlist; give one of size k to keep all");
        }
        return snapshots.read(PassageHits.without(new Hits(List.of(), true)),
                searcher -> NearestSearch.withPassages(searcher, requested, query, k, filter, skip, shortlist));
    }

    @Override
    public List<String> sharedTerms(String a, String b, int n) {
        return snapshots.read(List.of(), searcher -> lexicalSearch.shared(searcher, a, b, n));
    }

    @Override
    public boolean outdatedLayout() {
        return layout < LuceneDocs.LAYOUT;
    }

    @Override
    public void markLayoutCurrent() {
        layout = LuceneDocs.LAYOUT;
    }

    @Override
    public void openForWriting() {
        writes.writer();
    }

    @Override
    public boolean hasPassages() {
        return snapshots.read(false, LuceneDocs::hasPassages);
    }

    @Override
    public boolean hasCategory(String category) {
        return snapshots.read(false,
                s -> s.getIndexReader().docFreq(new Term(LuceneDocs.CATEGORY, category)) > 0);
    }

    @Override
    public long count() {
        return snapshots.read(0L, s -> (long) s.getIndexReader().numDocs());
    }

    @Override
    public IndexStats stats() {
        long bytes = 0;
        try {
            for (String file : directory.listAll()) {
                try {
                    bytes += directory.fileLength(file);
                } catch (NoSuchFileException | FileNotFoundException e) {
                    // Deleted by a concurrent commit or merge between the listing and now: no longer part of it.
                }
            }
        } catch (IOException e) {
            throw new IndexException("cannot read index at " + path + ": " + e.getMessage(), e);
        }
        // Papers, segments, the lexical field and passages from one snapshot.
        long[] counts = snapshots.read(new long[] {0, 0, 1, 0}, s -> new long[] {s.getIndexReader().numDocs(),
                s.getIndexReader().leaves().size(),
                LexicalSearch.available(s) ? 1 : 0,
                LuceneDocs.hasPassages(s) ? 1 : 0});
        return new IndexStats(path.toString(), counts[0], (int) counts[1], bytes, fingerprint, settings(),
                counts[2] == 1, counts[3] == 1);
    }

    @Override
    public void close() {
        try {
            // Each closed even if one before it fails, so the write lock and files are always released.
            IOUtils.close(snapshots, writes, directory, analyzer);
        } catch (IOException e) {
            throw new IndexException("closing index at " + path + " failed: " + e.getMessage(), e);
        }
    }

    /** The settings new segments are written with: the opener's, with the index's own format unless it chose one. */
    private IndexSettings settings() {
        return requested.resolved(recordedFormat);
    }

    /** The model, layout and vector format an existing index was written with, from its latest commit's data. */
    private void readCommitData(SegmentInfos last) {
        if (fingerprint != null) {
            return;
        }
        Map<String, String> data = last.getUserData();
        fingerprint = ModelFingerprint.fromMap(data).orElse(null);
        String layoutValue = data.getOrDefault(LAYOUT_KEY, "1");
        try {
            layout = Integer.parseInt(layoutValue);
            String format = data.get(FORMAT_KEY);
            recordedFormat = format == null ? null : VectorFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new IndexException("index at " + path + " has damaged commit data (" + LAYOUT_KEY + "="
                    + layoutValue + ", " + FORMAT_KEY + "=" + data.get(FORMAT_KEY) + "): " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable c, Exception primary) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                primary.addSuppressed(e);
            }
        }
    }
}
