package dev.akin.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;

/**
 * A store's one IndexWriter, opened (and the write lock taken) on the first write only, so that any number of
 * processes may query while one writes. Nothing it writes is visible or durable before {@link #commit}; closing
 * drops what was not committed.
 */
final class StoreWriter implements Closeable {
    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer;
    private final Supplier<IndexSettings> settings;
    private final Snapshots snapshots;
    private final Object lock = new Object();
    private volatile IndexWriter writer;

    /**
     * @param analyzer the lexical field's analyzer; the caller closes it
     * @param settings asked when the writer opens, by then with the index's own format known
     * @param snapshots follow the writer once it is open, so that the store's reads see its commits
     */
    StoreWriter(Path path, Directory directory, Analyzer analyzer, Supplier<IndexSettings> settings,
                Snapshots snapshots) {
        this.path = path;
        this.directory = directory;
        this.analyzer = analyzer;
        this.settings = settings;
        this.snapshots = snapshots;
    }

    /** Replaces each paper stored under the same id, or adds it. */
    void upsert(List<IndexedPaper> papers) {
        IndexWriter w = writer();
        try {
            for (IndexedPaper paper : papers) {
                w.updateDocument(new Term(LuceneDocs.ID, paper.paper().id()), LuceneDocs.toDocument(paper, analyzer));
            }
        } catch (IOException e) {
            throw new IndexException("cannot write to index at " + path + ": " + e.getMessage(), e);
        }
    }

    void delete(Collection<String> ids) {
        try {
            writer().deleteDocuments(ids.stream().map(id -> new Term(LuceneDocs.ID, id)).toArray(Term[]::new));
        } catch (IOException e) {
            throw new IndexException("cannot delete from index at " + path + ": " + e.getMessage(), e);
        }
    }

    /** Whether anything opened the writer yet: until then there is nothing to commit. */
    boolean isOpen() {
        return writer != null;
    }

    /** Whether the open writer holds no document and no deletion, committed or not. */
    boolean isEmpty() {
        IndexWriter w = writer();
        return w.getDocStats().maxDoc == 0 && !w.hasDeletions();
    }

    /** Makes every write so far durable, with {@code data} as the commit's user data. */
    void commit(Map<String, String> data) {
        try {
            IndexWriter w = writer();
            w.setLiveCommitData(data.entrySet());
            w.commit();
        } catch (IOException e) {
            throw new IndexException("commit to index at " + path + " failed; the last commit is intact: "
                    + e.getMessage(), e);
        }
    }

    /** Merges down to at most {@code maxSegments}; the caller commits. */
    void merge(int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be at least 1, got " + maxSegments);
        }
        try {
            writer().forceMerge(maxSegments);
        } catch (IOException e) {
            throw new IndexException("merging index at " + path + " into " + maxSegments + " segments failed; the"
                    + " last commit is intact: " + e.getMessage(), e);
        }
    }

    /**
     * The writer, opened on first use.
     *
     * @throws IndexLockedException when another writer holds the index
     */
    IndexWriter writer() {
        IndexWriter w = writer;
        if (w != null) {
            return w;
        }
        synchronized (lock) {
            if (writer == null) {
                try {
                    IndexWriterConfig config = new IndexWriterConfig(analyzer).setCodec(settings.get().codec())
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                            .setRAMBufferSizeMB(256);
                    IndexWriter opened = new IndexWriter(directory, config);
                    try {
                        WriterInfo.record(path);
                        snapshots.follow(opened);
                    } catch (IOException | RuntimeException e) {
                        // Not kept, so never closed by close(): release the write lock now.
                        IOUtils.closeWhileHandlingException(opened);
                        throw e;
                    }
                    writer = opened;
                } catch (LockObtainFailedException e) {
                    throw new IndexLockedException("index at " + path + " is locked by " + WriterInfo.holder(path)
                            + "; wait for it to finish or stop it", e);
                } catch (IOException e) {
                    throw new IndexException("cannot open index at " + path + " for writing: " + e.getMessage(), e);
                }
            }
            return writer;
        }
    }

    /** Drops uncommitted writes on purpose (only {@link #commit} makes them durable) and frees the write lock. */
    @Override
    public void close() {
        synchronized (lock) {
            if (writer != null) {
                try {
                    WriterInfo.clear(path);
                    writer.rollback();
                } catch (IOException e) {
                    throw new IndexException("closing the writer of index at " + path + " failed: " + e.getMessage(),
                            e);
                } finally {
                    writer = null;
                }
            }
        }
    }
}
