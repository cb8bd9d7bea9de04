package org.dailypapers.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A small LRU map whose entries also expire: enough for API answers, no cache library needed. */
final class ExpiringCache<K, V> {

    private record Timed<V>(V value, long storedNanos) {}

    private final long ttlNanos;
    private final Map<K, Timed<V>> map;

    ExpiringCache(int capacity, Duration ttl) {
        this.ttlNanos = ttl.toNanos();
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Timed<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized @Nullable V get(K key) {
        Timed<V> t = map.get(key);
        if (t == null) {
            return null;
        }
        if (System.nanoTime() - t.storedNanos() > ttlNanos) {
            map.remove(key);
            return null;
        }
        return t.value();
    }

    synchronized void put(K key, V value) {
        map.put(key, new Timed<>(value, System.nanoTime()));
    }

    synchronized void remove(K key) {
        map.remove(key);
    }
}
