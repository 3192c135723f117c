package dev.akin.paper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;

/** A file's lines with their numbers, so that every complaint can say file:line. */
public final class Lines {
    private final BufferedReader reader;
    private final String file;
    private int number;

    public Lines(BufferedReader reader, String file) {
        this.reader = reader;
        this.file = file;
    }

    /** The next line, or null at the end. */
    public String next() {
        try {
            String line = reader.readLine();
            if (line != null) {
                number++;
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new InputException(file + ":" + (number + 1) + ": not valid UTF-8 (" + e + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ":" + (number + 1) + ": read failed", e);
        }
    }

    /** Number of the line last returned by {@link #next()}, 1-based. */
    public int number() {
        return number;
    }

    /** "file:line" of the line last returned. */
    public String where() {
        return where(number);
    }

    /** "file:line" of the given line. */
    public String where(int line) {
        return file + ":" + line;
    }

    public String file() {
        return file;
    }
}
