package org.shirong.system;

import java.util.function.Supplier;

/** A value marked on the current thread for the length of one call; a mark made inside it is undone when it ends. */
final class ThreadMark<T> {

    private final ThreadLocal<T> current = new ThreadLocal<>();

    /** Runs {@code call} with {@code mark} as this thread's mark, then puts back the mark it had before. */
    <R> R around(T mark, Supplier<R> call) {
        T outer = current.get();
        current.set(mark);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /** This thread's mark, or null outside any {@link #around}. */
    T get() {
        return current.get();
    }

    /** Whether {@code candidate} is this thread's mark itself (identity, not equality). */
    boolean is(Object candidate) {
        return candidate != null && candidate == current.get();
    }
}
