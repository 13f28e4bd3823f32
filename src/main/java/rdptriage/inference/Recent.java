package rdptriage.inference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The most recently used values by key, at most {@code capacity} of them; thread-safe. A missing
 * value is made outside the lock, so a slow one never holds up the others (two threads may make
 * the same value at once; the values are equal, and either is kept).
 */
public final class Recent<K, V> {

    private final Map<K, V> values;

    public Recent(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be 0 or more, not " + capacity);
        }
        this.values = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value remembered for {@code key}, or one made by {@code make} and remembered. */
    public V get(K key, Function<K, V> make) {
        V value;
        synchronized (values) {
            value = values.get(key);
        }
        if (value == null) {
            value = make.apply(key);
            synchronized (values) {
                values.put(key, value);
            }
        }
        return value;
    }
}
