package dev.akin.search;

import dev.akin.AkinException;

/** A paper id the index does not hold. */
public class PaperNotFoundException extends AkinException {
    /**
     * The message names the id.
     *
     * @param id the id that was looked up
     */
    public PaperNotFoundException(String id) {
        super("no paper with id '" + id + "' in the index");
    }
}
