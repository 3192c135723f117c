package dev.akin.paper;

import dev.akin.AkinException;

/** An input file that cannot be read at all: missing, not UTF-8, of an unknown format, or malformed under --strict. */
public class InputException extends AkinException {
    /**
     * An input problem akin detected itself.
     *
     * @param message what went wrong, naming the file (and line) at fault
     */
    public InputException(String message) {
        super(message);
    }

    /**
     * An input problem caused by a lower-level failure, usually I/O or decoding.
     *
     * @param message what went wrong, naming the file (and line) at fault
     * @param cause the underlying failure
     */
    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
