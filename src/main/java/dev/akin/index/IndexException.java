package dev.akin.index;

import dev.akin.AkinException;

/** An index that cannot be opened, read or written. */
public class IndexException extends AkinException {
    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
