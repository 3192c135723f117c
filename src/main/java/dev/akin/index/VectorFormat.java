package dev.akin.index;

import java.util.Locale;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * How the HNSW graph stores vectors. The quantized formats keep the float32 vectors too, and akin rescores
 * their candidates with them, so quantization costs graph accuracy, never final scores.
 */
public enum VectorFormat {
    /** Full-precision vectors: the most accurate graph. */
    FLOAT32(null),
    /** One byte per dimension, scalar-quantized. */
    INT8(ScalarEncoding.UNSIGNED_BYTE),
    /** Half a byte per dimension, scalar-quantized. */
    INT4(ScalarEncoding.PACKED_NIBBLE),
    /** One bit per dimension, searched with 4-bit queries. */
    BINARY(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE);

    private final ScalarEncoding encoding;

    VectorFormat(ScalarEncoding encoding) {
        this.encoding = encoding;
    }

    /** True when the graph holds quantized vectors, so candidates are rescored with the float32 ones. */
    public boolean quantized() {
        return encoding != null;
    }

    KnnVectorsFormat knnFormat(int m, int beamWidth) {
        return encoding == null
                ? new Lucene99HnswVectorsFormat(m, beamWidth)
                : new Lucene104HnswScalarQuantizedVectorsFormat(encoding, m, beamWidth);
    }

    /** Parses "float32", "int8", "int4" or "binary". */
    public static VectorFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown vector format '" + text + "'; use float32, int8, int4 or binary",
                    e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
