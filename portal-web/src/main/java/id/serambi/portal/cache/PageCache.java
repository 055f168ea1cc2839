package id.serambi.portal.cache;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.cache.Generation;
import id.serambi.portal.PortalApp;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Rendered portal responses, bounded by their size in bytes, each stamped with the generations of the scopes it
 * was rendered under (always 'global', and the tenant's scope when the page belongs to one). An entry is served
 * only while every generation it carries is still the current one; this node learns the current generations from
 * the database (LISTEN on {@link CacheGenerations#CHANNEL}, see {@link GenerationFeed}). While that feed is down
 * nothing is served from here and nothing is stored, so a lost notification can never leave a stale page behind.
 */
@Singleton
@PortalApp
public class PageCache {
    /** A page as the reader asked for it: the same address in another language is another page. */
    public record Key(String scheme, String host, String path, String query, String language) {
    }

    /**
     * What was rendered, ready to send: the bytes, their gzip form (large text only), validators, dependencies, and
     * the page's robots directive (search results say {@code noindex}; a cached copy must say it too), or null.
     */
    public record Entry(byte[] body, byte[] gzip, String contentType, String etag, Instant lastModified,
                        Map<String, Long> generations, String robots) {
        int weight() {
            return body.length + (gzip == null ? 0 : gzip.length) + 256;
        }
    }

    private final Cache<Key, Entry> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    // Replaced as a whole on every change, so a reader holds one consistent view; null while the feed is down.
    private volatile Map<String, Generation> current;

    PageCache(@Value("${serambi.portal.cache.max-bytes:50000000}") long maxBytes) {
        entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> e.weight())
                .build();
    }

    /** The generations pages rendered from now on depend on; null while they are unknown (no caching then). */
    public Map<String, Generation> snapshot() {
        return current;
    }

    /** The entry for this key if it is still current. */
    public Entry find(Key key) {
        Entry entry = entries.getIfPresent(key);
        Map<String, Generation> now = current;
        if (entry != null && now != null && isCurrent(entry, now)) {
            hits.incrementAndGet();
            return entry;
        }
        misses.incrementAndGet();
        return null;
    }

    /**
     * Stores a page rendered under {@code rendered} (taken before rendering began); a page rendered under
     * generations that have moved on meanwhile is not kept.
     */
    public void store(Key key, Entry entry) {
        Map<String, Generation> now = current;
        if (now != null && isCurrent(entry, now)) {
            entries.put(key, entry);
        }
    }

    /** The generations a page of {@code scopes} depends on, as of {@code snapshot}; null if any is unknown. */
    public static Map<String, Long> dependencies(Map<String, Generation> snapshot, Collection<String> scopes) {
        Map<String, Long> deps = new HashMap<>();
        for (String scope : scopes) {
            Generation g = snapshot.get(scope);
            if (g == null) {
                return null;
            }
            deps.put(scope, g.generation());
        }
        return deps;
    }

    /** Newer generations (from NOTIFY, this node's own commits or a periodic check): stale pages go. */
    public void advance(Collection<Generation> changed) {
        if (changed.isEmpty()) {
            return;
        }
        synchronized (this) {
            Map<String, Generation> now = current;
            if (now == null) {
                return; // unknown anyway; the feed reloads everything when it is back
            }
            Map<String, Generation> next = new HashMap<>(now);
            boolean moved = false;
            for (Generation g : changed) {
                Generation old = next.get(g.scope());
                if (old == null || g.generation() > old.generation()) {
                    next.put(g.scope(), g);
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
            current = Map.copyOf(next);
        }
        Map<String, Generation> now = current;
        entries.asMap().values().removeIf(e -> !isCurrent(e, now));
    }

    /** All generations as just read from the database (start, reconnect): everything cached before is dropped. */
    public void reset(List<Generation> all) {
        Map<String, Generation> next = new HashMap<>();
        all.forEach(g -> next.put(g.scope(), g));
        synchronized (this) {
            current = null;
            entries.invalidateAll();
            current = Map.copyOf(next);
        }
    }

    /** The feed of changes is lost: serve nothing from here until it is back. */
    public void suspend() {
        synchronized (this) {
            current = null;
            entries.invalidateAll();
        }
    }

    public boolean live() {
        return current != null;
    }

    public long generation(String scope) {
        Map<String, Generation> now = current;
        Generation g = now == null ? null : now.get(scope);
        return g == null ? -1 : g.generation();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public long size() {
        return entries.estimatedSize();
    }

    private static boolean isCurrent(Entry entry, Map<String, Generation> now) {
        for (Map.Entry<String, Long> dep : entry.generations().entrySet()) {
            Generation g = now.get(dep.getKey());
            if (g == null || g.generation() != dep.getValue()) {
                return false;
            }
        }
        return true;
    }
}
