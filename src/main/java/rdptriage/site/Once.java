package rdptriage.site;

import java.util.function.Supplier;

/**
 * A value worked out on first use, once, whichever thread asks first: the others wait for it instead
 * of working it out again. A failure is thrown to the caller and the next call tries again.
 */
public final class Once<T> implements Supplier<T> {

    private Supplier<T> work;
    private volatile T value;

    public Once(Supplier<T> work) {
        this.work = work;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) {
                    value = work.get();
                    work = null;
                }
                v = value;
            }
        }
        return v;
    }

    /** The value if it has been worked out already, else null; never waits. */
    public T ready() {
        return value;
    }
}
