package dev.akin.index;

import dev.akin.AkinException;

/** An index that cannot be opened, read or written. */
public class IndexException extends AkinException {
    /**
     * An index problem akin detected itself.
     *
     * @param message what went wrong, naming the index folder or file
     */
    public IndexException(String message) {
        super(message);
    }

    /**
     * An index problem caused by a lower-level failure, usually I/O or Lucene.
     *
     * @param message what went wrong, naming the index folder or file
     * @param cause the underlying failure
     */
    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
