package dev.akin.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;

/**
 * The index's point-in-time searchers: each read acquires one snapshot and releases it after. Opened as soon as a
 * commit exists (perhaps made by another process since the store opened), and switched to near-real-time
 * searchers over this process's writer once it writes.
 */
final class Snapshots implements Closeable {
    private static final long REFRESH_NANOS = 1_000_000_000L;
    private final Path path;
    private final Directory directory;
    private final Consumer<SegmentInfos> firstCommit;
    private volatile SearcherManager manager;
    private volatile long lastRefresh = System.nanoTime();
    private volatile boolean followsWriter;

    /**
     * @param firstCommit hears the latest commit when searchers first open on the directory (its commit data)
     */
    Snapshots(Path path, Directory directory, Consumer<SegmentInfos> firstCommit) {
        this.path = path;
        this.directory = directory;
        this.firstCommit = firstCommit;
        current();
    }

    /** A searcher function that may fail with I/O, which {@link #read} reports naming the index. */
    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** {@code fn} on a searcher acquired for it and released after; {@code whenEmpty} while there is no commit. */
    <T> T read(T whenEmpty, SearcherFunction<T> fn) {
        SearcherManager searchers;
        IndexSearcher searcher;
        for (int attempt = 1; ; attempt++) {
            searchers = current();
            if (searchers == null) {
                return whenEmpty;
            }
            try {
                // Other processes' commits become visible within a second. Not this process's writes: those wait
                // for refresh(), and refreshing a writer's searchers would flush its buffer into a tiny segment.
                if (!followsWriter && System.nanoTime() - lastRefresh > REFRESH_NANOS) {
                    lastRefresh = System.nanoTime();
                    searchers.maybeRefresh();
                }
                searcher = searchers.acquire();
                break;
            } catch (AlreadyClosedException e) {
                // follow() replaced these searchers between current() and acquire(): take the new ones, once.
                if (attempt > 1) {
                    throw new IndexException("index at " + path + " is closed", e);
                }
            } catch (IOException e) {
                throw new IndexException("cannot read index at " + path + ": " + e.getMessage(), e);
            }
        }
        Throwable failed = null;
        try {
            return fn.apply(searcher);
        } catch (IOException e) {
            failed = new IndexException("cannot read index at " + path + ": " + e.getMessage(), e);
            throw (IndexException) failed;
        } catch (RuntimeException | Error e) {
            failed = e;
            throw e;
        } finally {
            release(searchers, searcher, failed);
        }
    }

    private void release(SearcherManager searchers, IndexSearcher searcher, Throwable failed) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            IndexException released = new IndexException("cannot release a reader of index at " + path + ": "
                    + e.getMessage(), e);
            if (failed == null) {
                throw released;
            }
            failed.addSuppressed(released);
        }
    }

    /** Makes every write so far visible to the next reads. */
    void refresh() {
        SearcherManager searchers = current();
        if (searchers != null) {
            try {
                searchers.maybeRefreshBlocking();
                lastRefresh = System.nanoTime();
            } catch (IOException e) {
                throw new IndexException("cannot refresh readers of index at " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** From now on, near-real-time searchers over this writer's changes. */
    synchronized void follow(IndexWriter writer) throws IOException {
        // Opened before the old ones close: if it fails, reads go on as before.
        SearcherManager following = new SearcherManager(writer, null);
        SearcherManager old = manager;
        manager = following;
        followsWriter = true;
        if (old != null) {
            old.close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        SearcherManager searchers = manager;
        manager = null;
        if (searchers != null) {
            searchers.close();
        }
    }

    private SearcherManager current() {
        SearcherManager searchers = manager;
        if (searchers != null) {
            return searchers;
        }
        synchronized (this) {
            try {
                if (manager == null && DirectoryReader.indexExists(directory)) {
                    firstCommit.accept(SegmentInfos.readLatestCommit(directory));
                    manager = new SearcherManager(directory, null);
                }
            } catch (IOException e) {
                throw new IndexException("cannot read index at " + path + ": " + e.getMessage()
                        + " (if it is damaged, move it aside and reindex)", e);
            }
            return manager;
        }
    }
}
