package dev.akin;

/**
 * Base of every error akin reports on purpose: bad input, a model or index problem, an unknown paper.
 * The message names the value, file or field at fault; the cause is always kept.
 */
public class AkinException extends RuntimeException {
    /**
     * An error akin detected itself.
     *
     * @param message what went wrong, naming the offending value
     */
    public AkinException(String message) {
        super(message);
    }

    /**
     * An error caused by a lower-level failure, kept so that its stack trace is not lost.
     *
     * @param message what went wrong, naming the offending value
     * @param cause the underlying failure
     */
    public AkinException(String message, Throwable cause) {
        super(message, cause);
    }
}
