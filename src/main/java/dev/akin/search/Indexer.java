package dev.akin.search;

import dev.akin.embed.Embedder;
import dev.akin.index.IndexedPaper;
import dev.akin.index.PassageVectors;
import dev.akin.index.VectorStore;
import dev.akin.paper.InputException;
import dev.akin.paper.Inputs;
import dev.akin.paper.Paper;
import dev.akin.paper.PaperSink;
import dev.akin.paper.Skipped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One incremental indexing run. Two streaming passes over the inputs: the first counts each id's sightings (and
 * under --strict validates everything before a single write), the second merges the sightings of duplicated
 * papers, embeds only papers whose text changed, and commits periodically.
 */
final class Indexer {
    private static final int CHUNK = 256;

    private final VectorStore store;
    private final Embedder embedder;
    private final IndexOptions options;
    private final IndexProgress progress;

    private final Map<String, Integer> sightings = new HashMap<>();
    private final Map<String, Paper> held = new HashMap<>();
    private final Map<String, Integer> heldSightings = new HashMap<>();
    private final Map<String, Paper> pending = new LinkedHashMap<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private long added;
    private long updated;
    private long unchanged;
    private long duplicates;
    private long embedded;
    private long done;
    private long lastCommit;
    private boolean rewrite;
    private boolean passages;

    Indexer(VectorStore store, Embedder embedder, IndexOptions options, IndexProgress progress) {
        this.store = store;
        this.embedder = embedder;
        this.options = options;
        this.progress = progress;
    }

    IndexReport run(List<Path> paths) {
        long start = System.nanoTime();
        Inputs inputs = Inputs.of(paths);
        store.openForWriting();
        rewrite = store.outdatedLayout();
        passages = options.passages() || store.hasPassages();
        scan(inputs);
        store.bindModel(embedder.fingerprint());
        lastCommit = System.nanoTime();
        skipped.addAll(inputs.ignoredFiles());
        // A failure leaves what this run wrote since its last commit uncommitted, and does not roll back: the
        // writer may be shared with a server whose concurrent upserts must not be dropped. A CLI run that fails
        // closes the index, which discards them; a server's next commit keeps them (each is a whole paper).
        inputs.read(new PaperSink() {
            @Override
            public void accept(Paper paper) {
                sighted(paper);
            }

            @Override
            public void skip(Skipped skip) {
                skipped.add(skip);
            }
        });
        flush();
        long deleted = options.prune() ? prune() : 0;
        if (rewrite) {
            if (!options.prune()) {
                // Papers no input of this run holds are rewritten too: marking the layout current leaves none behind.
                rewriteUnseen();
            }
            store.markLayoutCurrent();
        }
        store.commit();
        return new IndexReport(added, updated, unchanged, deleted, duplicates, embedded, skipped, store.count(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void scan(Inputs inputs) {
        List<Skipped> problems = new ArrayList<>();
        inputs.read(new PaperSink() {
            @Override
            public void accept(Paper paper) {
                sightings.merge(paper.id(), 1, Integer::sum);
            }

            @Override
            public void skip(Skipped skip) {
                problems.add(skip);
            }
        });
        if (options.strict() && !problems.isEmpty()) {
            throw new InputException("--strict: " + problems.size() + " malformed record(s), nothing written; first: "
                    + problems.getFirst());
        }
    }

    private void sighted(Paper paper) {
        int total = sightings.getOrDefault(paper.id(), 1);
        if (total > 1) {
            // Hold a duplicated paper until its last sighting, so the merge is the same on every run.
            Paper merged = held.merge(paper.id(), paper, Paper::mergedWith);
            if (merged != paper) {
                duplicates++;
            }
            if (heldSightings.merge(paper.id(), 1, Integer::sum) < total) {
                return;
            }
            held.remove(paper.id());
            heldSightings.remove(paper.id());
            paper = merged;
        }
        pending.put(paper.id(), paper);
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    /** Papers with their vectors (and, if asked, their sentence vectors) and content hashes, ready to store. */
    static List<IndexedPaper> embedded(List<Paper> papers, Embedder embedder, boolean passages) {
        List<String> texts = papers.stream().map(Paper::embeddingText).toList();
        List<float[]> vectors = embedder.embedDocuments(texts);
        List<PassageVectors> sentences = passages ? Passages.embed(texts, embedder) : null;
        List<IndexedPaper> out = new ArrayList<>(papers.size());
        for (int i = 0; i < papers.size(); i++) {
            Paper p = papers.get(i);
            out.add(new IndexedPaper(p, vectors.get(i), ContentHashes.text(p), ContentHashes.meta(p),
                    sentences == null ? null : sentences.get(i)));
        }
        return out;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<IndexedPaper> ready = new ArrayList<>();
        List<Paper> toEmbed = new ArrayList<>();
        for (Paper paper : pending.values()) {
            String textHash = ContentHashes.text(paper);
            String metaHash = ContentHashes.meta(paper);
            var existing = store.get(paper.id());
            if (existing.isEmpty()) {
                added++;
                toEmbed.add(paper);
            } else if (options.force() || !existing.get().textHash().equals(textHash)
                    || passages && existing.get().passages() == null) {
                updated++;
                toEmbed.add(paper);
            } else if (rewrite || !existing.get().metaHash().equals(metaHash)) {
                // Metadata changed, or the index's document layout is older: same vector, new document.
                updated++;
                ready.add(new IndexedPaper(paper, existing.get().vector(), textHash, metaHash,
                        existing.get().passages()));
            } else {
                unchanged++;
            }
        }
        if (!toEmbed.isEmpty()) {
            ready.addAll(embedded(toEmbed, embedder, passages));
            embedded += toEmbed.size();
        }
        if (!ready.isEmpty()) {
            store.upsert(ready);
        }
        done += pending.size();
        pending.clear();
        progress.update(done, sightings.size(), embedded);
        if (System.nanoTime() - lastCommit > options.commitEvery().toNanos()) {
            store.commit();
            lastCommit = System.nanoTime();
        }
    }

    /** Papers in the index but in none of this run's inputs, rewritten as they are in the current layout. */
    private void rewriteUnseen() {
        List<String> unseen = new ArrayList<>();
        store.forEachId(id -> {
            if (!sightings.containsKey(id)) {
                unseen.add(id);
            }
        });
        for (int from = 0; from < unseen.size(); from += CHUNK) {
            List<IndexedPaper> chunk = new ArrayList<>();
            // A paper deleted since the listing (by a server sharing the writer) stays deleted.
            for (String id : unseen.subList(from, Math.min(unseen.size(), from + CHUNK))) {
                store.get(id).ifPresent(chunk::add);
            }
            store.upsert(chunk);
        }
    }

    private long prune() {
        Set<String> gone = new HashSet<>();
        store.forEachId(id -> {
            if (!sightings.containsKey(id)) {
                gone.add(id);
            }
        });
        return store.delete(gone);
    }
}
