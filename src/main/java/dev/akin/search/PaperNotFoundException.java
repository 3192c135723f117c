package dev.akin.search;

import dev.akin.AkinException;

/** A paper id the index does not hold. */
public class PaperNotFoundException extends AkinException {
    private final String id;

    public PaperNotFoundException(String id) {
        super("no paper with id '" + id + "' in the index");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
