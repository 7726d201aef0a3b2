package newsroom.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders a set of pages into the bucket: unchanged bytes are not written, and only article pages
 * that readers may already hold in the CDN are invalidated, by exact path, through the durable
 * invalidation queue. Pages are rendered and written concurrently, since each waits mostly on the
 * table and the bucket.
 */
public final class SiteWriter {
    private static final int PARALLEL = 8;
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "page-writer");
        t.setDaemon(true);
        return t;
    });

    /** Pages rendered with one batch index: enough to share its reads, few enough to drop them. */
    static final int CHUNK = 240;

    /** Chunks whose reads run at once, ahead of the chunk rendering: each waits on the table. */
    static final int READ_AHEAD = 2;

    private static final ExecutorService READERS = Executors.newFixedThreadPool(READ_AHEAD, r -> {
        Thread t = new Thread(r, "page-reader");
        t.setDaemon(true);
        return t;
    });

    private final SiteRenderer renderer;
    private final SiteBucket bucket;
    private final InvalidationQueue invalidations;

    public SiteWriter(SiteRenderer renderer, SiteBucket bucket, InvalidationQueue invalidations) {
        this.renderer = renderer;
        this.bucket = bucket;
        this.invalidations = invalidations;
    }

    /** What one write of pages did. */
    public record Result(int pages, int created, int updated, int unchanged, int removed, List<String> invalidated) {
        public int written() {
            return created + updated;
        }
    }

    /** Writes the pages, invalidating each replaced or removed article page by its path. */
    public Result write(Collection<Page> pages) {
        return write(pages, true);
    }

    /**
     * Writes the pages of one batch of a full rebuild: nothing is invalidated by path, since the
     * rebuild ends with one wildcard invalidation once its last batch is written.
     */
    public Result writeForRebuild(Collection<Page> pages) {
        return write(pages, false);
    }

    /**
     * Renders the pages as {@link #write} would, reading what they show, and writes nothing:
     * SnapStart's priming, so that the snapshot holds the renderer's path warm. Returns how many
     * outputs the pages made.
     */
    public int rehearse(Collection<Page> pages) {
        SiteRenderer batch = renderer.forBatch(List.copyOf(pages));
        int outputs = 0;
        for (Page page : pages) outputs += batch.render(page).size();
        return outputs;
    }

    private Result write(Collection<Page> pages, boolean invalidateByPath) {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger removed = new AtomicInteger();
        List<String> invalidate = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> work = new ArrayList<>();
        List<Page> all = List.copyOf(pages);
        List<List<Page>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        // a whole site is rendered a chunk at a time: what a chunk reads is dropped after it. The
        // next chunks' reads run ahead while a chunk renders, a few at most
        ArrayDeque<Future<SiteRenderer>> reads = new ArrayDeque<>();
        int read = 0;
        for (; read < Math.min(READ_AHEAD, chunks.size()); read++) reads.add(readAhead(chunks.get(read)));
        List<Future<?>> previous = List.of();
        RuntimeException unread = null;
        for (List<Page> chunk : chunks) {
            SiteRenderer batch;
            try {
                batch = batch(reads.removeFirst());
            } catch (RuntimeException e) {
                unread = e;
                break;
            }
            if (read < chunks.size()) reads.add(readAhead(chunks.get(read++)));
            awaitAll(previous);
            List<Future<?>> submitted = new ArrayList<>();
            for (Page page : chunk) {
                submitted.add(WORKERS.submit(() ->
                        writePage(batch, page, invalidateByPath, created, updated, unchanged, removed, invalidate)));
            }
            work.addAll(submitted);
            previous = submitted;
        }
        // reads ahead of a failed one are not used: what has not started does not start
        reads.forEach(f -> f.cancel(false));
        RuntimeException failure = awaitAll(work);
        if (failure == null) failure = unread;
        // every path was recorded before its write, so a failure here loses no invalidation
        List<String> paths = List.copyOf(invalidate);
        if (failure != null) throw failure;
        return new Result(pages.size(), created.get(), updated.get(), unchanged.get(), removed.get(), paths);
    }

    private void writePage(
            SiteRenderer batch,
            Page page,
            boolean invalidateByPath,
            AtomicInteger created,
            AtomicInteger updated,
            AtomicInteger unchanged,
            AtomicInteger removed,
            List<String> invalidate) {
        for (Output output : batch.render(page)) {
            if (output instanceof Output.Put put) {
                // pages with a short max-age revalidate by themselves; long-cached ones must be told
                boolean longCached = invalidateByPath && Output.ARTICLE.equals(put.cacheControl());
                String path = "/" + put.key();
                Runnable beforeReplace = longCached ? () -> record(path, invalidate) : () -> {};
                switch (bucket.putIfChanged(
                        put.key(), put.body(), put.contentType(), put.cacheControl(), beforeReplace)) {
                    case CREATED -> created.incrementAndGet();
                    case UPDATED -> updated.incrementAndGet();
                    case UNCHANGED -> unchanged.incrementAndGet();
                }
            } else if (output instanceof Output.Remove remove) {
                String path = "/" + remove.key();
                Runnable beforeDelete = invalidateByPath ? () -> record(path, invalidate) : () -> {};
                if (bucket.delete(remove.key(), beforeDelete)) removed.incrementAndGet();
            }
        }
    }

    /**
     * Records the intent to invalidate a page before the page is replaced or deleted. Recorded after
     * the write, a crash or a failed send in between would lose it for good: the retry finds the
     * bytes unchanged and records nothing, while the CDN keeps the old page for its year. Recorded
     * before, a failure stops the write, and the retry finds the bytes still different and records
     * again. The queue cannot deliver it before the write lands: its delay outlasts the invocation
     * that recorded it, so by then the write has happened, or failed and the page the CDN holds is
     * still the bucket's (an invalidation then costs a path and changes nothing).
     */
    private void record(String path, List<String> invalidate) {
        invalidations.record(List.of(path));
        invalidate.add(path);
    }

    private Future<SiteRenderer> readAhead(List<Page> chunk) {
        return READERS.submit(() -> renderer.forBatch(chunk));
    }

    /** The chunk's renderer once its reads are done, or what they failed with. */
    private static SiteRenderer batch(Future<SiteRenderer> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading pages' data", e);
        }
    }

    /** Waits for every submitted page; the first failure, if any, is returned once all are done. */
    private static RuntimeException awaitAll(List<Future<?>> work) {
        RuntimeException failure = null;
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing pages", e);
            }
        }
        return failure;
    }
}
