package dev.akin.index;

/** Another writer (process or thread) holds the index's write lock. */
public class IndexLockedException extends IndexException {
    /**
     * The write lock could not be obtained.
     *
     * @param message what went wrong, naming the index folder
     * @param cause Lucene's lock failure
     */
    public IndexLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
