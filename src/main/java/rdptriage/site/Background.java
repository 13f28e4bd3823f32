package rdptriage.site;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A value worked out on a thread of its own, beside the caller's work: on two cores the common pool
 * has one worker, which the rules already use while the knowledge is read. {@link #get()} waits and
 * rethrows a failure as it was thrown.
 */
public final class Background<T> {

    private final String name;
    private final FutureTask<T> task;

    private Background(String name, FutureTask<T> task) {
        this.name = name;
        this.task = task;
    }

    public static <T> Background<T> start(String name, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return new Background<>(name, task);
    }

    public T get() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
