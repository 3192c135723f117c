package dev.akin.paper;

/** Reads one input format, streaming: each record goes to the sink as soon as it is complete. */
public interface PaperReader {
    /**
     * @param lines the file's lines, decoded as strict UTF-8
     * @param sink receives papers and skipped records
     */
    void read(Lines lines, PaperSink sink);
}
