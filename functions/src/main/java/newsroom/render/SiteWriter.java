package newsroom.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import newsroom.store.Cdn;
import newsroom.store.SiteBucket;

/**
 * Renders a set of pages into the bucket: unchanged bytes are not written, and only article pages
 * that readers may already hold in the CDN are invalidated, by exact path. Pages are rendered and
 * written concurrently, since each waits mostly on the table and the bucket.
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

    private final SiteRenderer renderer;
    private final SiteBucket bucket;
    private final Cdn cdn;

    public SiteWriter(SiteRenderer renderer, SiteBucket bucket, Cdn cdn) {
        this.renderer = renderer;
        this.bucket = bucket;
        this.cdn = cdn;
    }

    /** What one write of pages did. */
    public record Result(int pages, int created, int updated, int unchanged, int removed, List<String> invalidated) {
        public int written() {
            return created + updated;
        }
    }

    public Result write(Collection<Page> pages) {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger removed = new AtomicInteger();
        List<String> invalidate = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> work = new ArrayList<>();
        List<Page> all = List.copyOf(pages);
        // a whole site is rendered a chunk at a time: what a chunk reads is dropped after it
        List<Future<?>> previous = List.of();
        RuntimeException unread = null;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Page> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            // the next chunk's reads overlap the previous chunk's rendering, and no more than that
            SiteRenderer batch;
            try {
                batch = renderer.forBatch(chunk);
            } catch (RuntimeException e) {
                unread = e;
                break;
            }
            awaitAll(previous);
            List<Future<?>> submitted = new ArrayList<>();
            for (Page page : chunk) {
                submitted.add(
                        WORKERS.submit(() -> writePage(batch, page, created, updated, unchanged, removed, invalidate)));
            }
            work.addAll(submitted);
            previous = submitted;
        }
        RuntimeException failure = awaitAll(work);
        if (failure == null) failure = unread;
        // pages that were written are invalidated even when others failed: the retry skips them
        List<String> paths = List.copyOf(invalidate);
        cdn.invalidate(paths);
        if (failure != null) throw failure;
        return new Result(pages.size(), created.get(), updated.get(), unchanged.get(), removed.get(), paths);
    }

    private void writePage(
            SiteRenderer batch,
            Page page,
            AtomicInteger created,
            AtomicInteger updated,
            AtomicInteger unchanged,
            AtomicInteger removed,
            List<String> invalidate) {
        for (Output output : batch.render(page)) {
            if (output instanceof Output.Put put) {
                switch (bucket.putIfChanged(put.key(), put.body(), put.contentType(), put.cacheControl())) {
                    case CREATED -> created.incrementAndGet();
                    case UPDATED -> {
                        updated.incrementAndGet();
                        // pages with a short max-age expire by themselves; long-cached ones must be told
                        if (Output.ARTICLE.equals(put.cacheControl())) invalidate.add("/" + put.key());
                    }
                    case UNCHANGED -> unchanged.incrementAndGet();
                }
            } else if (output instanceof Output.Remove remove && bucket.delete(remove.key())) {
                removed.incrementAndGet();
                invalidate.add("/" + remove.key());
            }
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
