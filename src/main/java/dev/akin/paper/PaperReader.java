package dev.akin.paper;

/** Reads one input format, streaming: each record goes to the sink as soon as it is complete. */
public interface PaperReader {
    /**
     * Reads to the end of the file. A malformed record goes to the sink as skipped; a file that cannot be read
     * at all throws {@link InputException}.
     *
     * @param lines the file's lines, decoded as strict UTF-8
     * @param sink receives papers and skipped records
     */
    void read(Lines lines, PaperSink sink);
}
