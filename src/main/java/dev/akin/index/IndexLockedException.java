package dev.akin.index;

/** Another writer (process or thread) holds the index's write lock. */
public class IndexLockedException extends IndexException {
    public IndexLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
