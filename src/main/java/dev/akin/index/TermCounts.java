package dev.akin.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A text's distinct terms, as the lexical field analyzes them, each with how often it occurs, in first-seen order;
 * and their encoding as a paper's doc value. A paper-to-paper BM25 query reads these instead of reading the stored
 * title and abstract and analyzing them again, which was more than half of its time.
 */
final class TermCounts {
    private final String[] terms;
    private final int[] counts;

    private TermCounts(String[] terms, int[] counts) {
        this.terms = terms;
        this.counts = counts;
    }

    /** The terms of {@code text} as {@code analyzer} gives them for the lexical field. */
    static TermCounts of(Analyzer analyzer, String text) {
        return of(analyzer, text, null);
    }

    /**
     * As {@link #of(Analyzer, String)}; {@code words}, unless null, receives the word (lower-cased) each term was
     * first seen as, for showing: stems like "learn" read badly.
     */
    static TermCounts of(Analyzer analyzer, String text, Map<String, String> words) {
        Map<String, Integer> counted = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(LuceneDocs.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String t = term.toString();
                if (counted.merge(t, 1, Integer::sum) == 1 && words != null) {
                    words.put(t, text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT));
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: the analyzer reads from a string", e);
        }
        String[] terms = counted.keySet().toArray(String[]::new);
        int[] counts = counted.values().stream().mapToInt(Integer::intValue).toArray();
        return new TermCounts(terms, counts);
    }

    int size() {
        return terms.length;
    }

    String term(int i) {
        return terms[i];
    }

    int count(int i) {
        return counts[i];
    }

    /** Term to count, in first-seen order. */
    Map<String, Integer> toMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < terms.length; i++) {
            map.put(terms[i], counts[i]);
        }
        return map;
    }

    BytesRef encode() {
        // A vint size, then per term a vint count and the term's UTF-8 bytes (at most 3 a char) behind a vint
        // length.
        int max = 5;
        for (String term : terms) {
            max += 10 + 3 * term.length();
        }
        byte[] out = new byte[max];
        ByteArrayDataOutput data = new ByteArrayDataOutput(out);
        try {
            data.writeVInt(terms.length);
            for (int i = 0; i < terms.length; i++) {
                data.writeVInt(counts[i]);
                data.writeString(terms[i]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: the array is sized for the worst case", e);
        }
        return new BytesRef(out, 0, data.getPosition());
    }

    /** @throws IndexException when the bytes are not an encoding of term counts */
    static TermCounts decode(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        int end = bytes.offset + bytes.length;
        try {
            int size = in.readVInt();
            // Each term takes at least two bytes, which bounds a damaged size before it sizes the arrays.
            if (size < 0 || size > bytes.length / 2) {
                throw new IndexException("damaged '" + LuceneDocs.TERMS + "' doc value: " + size + " terms in "
                        + bytes.length + " bytes");
            }
            String[] terms = new String[size];
            int[] counts = new int[size];
            for (int i = 0; i < size; i++) {
                counts[i] = in.readVInt();
                terms[i] = in.readString();
                if (counts[i] < 1 || in.getPosition() > end) {
                    throw new IndexException("damaged '" + LuceneDocs.TERMS + "' doc value: term " + i
                            + " has count " + counts[i] + " and ends at byte " + (in.getPosition() - bytes.offset)
                            + " of " + bytes.length);
                }
            }
            if (in.getPosition() != end) {
                throw new IndexException("damaged '" + LuceneDocs.TERMS + "' doc value: " + bytes.length
                        + " bytes, but its " + size + " terms end at byte " + (in.getPosition() - bytes.offset));
            }
            return new TermCounts(terms, counts);
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IndexException("damaged '" + LuceneDocs.TERMS + "' doc value: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermCounts other && Arrays.equals(terms, other.terms)
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < terms.length; i++) {
            out.append(i == 0 ? "" : ", ").append(terms[i]).append('=').append(counts[i]);
        }
        return out.append('}').toString();
    }
}
