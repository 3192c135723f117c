package dev.akin.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a hit shows (id, title, year) as one doc-values entry per paper, so that turning candidates into hits reads
 * a few bytes each instead of decompressing a block of stored abstracts (which took ~11 µs a candidate, most of a
 * re-scored or fused query's time).
 */
final class HitValues {
    private HitValues() {
    }

    static BytesRef encode(String id, String title, Integer year) {
        // A flag, a zig-zag int and two strings of at most 3 UTF-8 bytes a char, each behind a vint length.
        byte[] out = new byte[1 + 5 + 2 * 5 + 3 * (id.length() + title.length())];
        ByteArrayDataOutput data = new ByteArrayDataOutput(out);
        try {
            data.writeByte((byte) (year == null ? 0 : 1));
            data.writeZInt(year == null ? 0 : year);
            data.writeString(id);
            data.writeString(title);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: the array is sized for the worst case", e);
        }
        return new BytesRef(out, 0, data.getPosition());
    }

    /** A hit's fields; the score is the caller's. */
    record Shown(String id, String title, Integer year) {
    }

    static Shown decode(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        try {
            boolean hasYear = in.readByte() == 1;
            int year = in.readZInt();
            Shown shown = new Shown(in.readString(), in.readString(), hasYear ? year : null);
            // The reader does not stop at the value's end, only at the array's.
            if (in.getPosition() != bytes.offset + bytes.length) {
                throw new IndexException("damaged '" + LuceneDocs.HIT + "' doc value: " + bytes.length
                        + " bytes, but its fields end at byte " + (in.getPosition() - bytes.offset));
            }
            return shown;
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IndexException("damaged '" + LuceneDocs.HIT + "' doc value: " + e.getMessage(), e);
        }
    }

    /** The shown fields of these documents (top-level doc ids), in order; null where a segment predates them. */
    static List<Shown> read(IndexSearcher searcher, int[] docs) throws IOException {
        return BinaryValues.read(searcher, LuceneDocs.HIT, docs, HitValues::decode);
    }
}
