package dev.akin.embed;

import dev.akin.AkinException;

/** A model that cannot be found, loaded or run. */
public class ModelException extends AkinException {
    /**
     * A model problem akin detected itself.
     *
     * @param message what went wrong, naming the model or file at fault
     */
    public ModelException(String message) {
        super(message);
    }

    /**
     * A model problem caused by a lower-level failure, usually I/O, JSON or the runtime.
     *
     * @param message what went wrong, naming the model or file at fault
     * @param cause the underlying failure
     */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
