package dev.akin.embed;

import dev.akin.AkinException;

/** A model that cannot be found, loaded or run. */
public class ModelException extends AkinException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
