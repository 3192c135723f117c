package dev.akin.paper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A file's lines with their numbers, so that every complaint can say file:line. Each line is decoded as strict
 * UTF-8 on its own, so a bad byte is reported on the line it is on, not on the line a read-ahead buffer began at.
 */
public final class Lines {
    /** A line longer than this is not text any reader here understands; refuse it rather than grow without bound. */
    static final int MAX_LINE_BYTES = 16 << 20;

    private final InputStream in;
    private final String file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private int number;
    private boolean eof;

    /**
     * Reads a stream as numbered lines.
     *
     * @param in a buffered stream; closed by whoever opened it
     * @param file the name that locations start with
     */
    public Lines(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    /** The next line without its terminator, or null at the end. */
    public String next() {
        if (eof) {
            return null;
        }
        line.reset();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.size() >= MAX_LINE_BYTES) {
                    throw new InputException(where(number + 1) + ": line longer than " + (MAX_LINE_BYTES >> 20)
                            + " MB");
                }
                line.write(b);
            }
            if (b < 0) {
                eof = true;
                if (line.size() == 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            // e.g. a truncated .gz: the user's file is at fault, so say which and where, not "internal error"
            throw new InputException(where(number + 1) + ": read failed: " + e.getMessage(), e);
        }
        number++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputException(where() + ": not valid UTF-8 (" + e.getMessage() + "); convert the file to UTF-8",
                    e);
        }
    }

    /** "file:line" of the line last returned. */
    public String where() {
        return where(number);
    }

    /** "file:line" of the given line. */
    public String where(int lineNumber) {
        return file + ":" + lineNumber;
    }

    /** The name locations start with, for messages about the file as a whole. */
    public String file() {
        return file;
    }
}
