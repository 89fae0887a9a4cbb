package dev.partnerapps.authserver;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A map that forgets everything whenever {@link ChangeEpoch} starts a new generation, and never
 * stores a value loaded under an older generation than the current one.
 */
final class GenerationCache<K, V> {

    private static final int MAX_ENTRIES = 100_000;

    private final ChangeEpoch epoch;
    private final Function<K, Optional<V>> loader;
    private final ConcurrentHashMap<K, Optional<V>> entries = new ConcurrentHashMap<>();
    private volatile long generation = -1;

    GenerationCache(ChangeEpoch epoch, Function<K, Optional<V>> loader) {
        this.epoch = epoch;
        this.loader = loader;
    }

    Optional<V> get(K key) {
        long current = epoch.generation();
        if (current != generation) {
            entries.clear();
            generation = current;
        }
        Optional<V> cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<V> loaded = loader.apply(key);
        if (epoch.generation() == current && entries.size() < MAX_ENTRIES) {
            entries.put(key, loaded);
        }
        return loaded;
    }
}
