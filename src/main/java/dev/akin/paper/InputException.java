package dev.akin.paper;

import dev.akin.AkinException;

/** An input file that cannot be read at all: missing, not UTF-8, of an unknown format, or malformed under --strict. */
public class InputException extends AkinException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
