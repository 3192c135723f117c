package dev.akin.paper;

/** Where readers send what they find, one record at a time, so that no reader holds a whole file. */
public interface PaperSink {
    /** A well-formed paper. */
    void accept(Paper paper);

    /** A record that could not be read; the reader goes on with the next one. */
    void skip(Skipped skipped);
}
