package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PassageMatcherTest {
    private final Random random = new Random(5);

    private List<float[]> vectors(int count, int dim) {
        List<float[]> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] v = new float[dim];
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                v[d] = (float) random.nextGaussian();
                norm += v[d] * v[d];
            }
            for (int d = 0; d < dim; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            out.add(v);
        }
        return out;
    }

    /** The definition: for each query passage its best int8 dot product (Lucene's kernel) with doc's, averaged. */
    private static double reference(PassageVectors query, PassageVectors doc) {
        double sum = 0;
        for (int i = 0; i < query.size(); i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < doc.size(); j++) {
                best = Math.max(best, query.dot(i, doc, j));
            }
            sum += best;
        }
        return sum / query.size();
    }

    @Test
    void bothKernelsGiveTheInt8DefinitionForEveryShape() {
        // Row counts (both sides) around the vector kernel's blocks of four, widths around its lanes and the models' 384.
        for (int dim : new int[] {2, 17, 40, 384}) {
            for (int rows : new int[] {1, 3, 4, 5, 9}) {
                for (int docRows : new int[] {1, 2, 4, 7, 9}) {
                    PassageVectors query = PassageVectors.quantize(vectors(rows, dim));
                    PassageVectors doc = PassageVectors.quantize(vectors(docRows, dim));
                    double expected = reference(query, doc);
                    assertThat(PassageMatcher.of(query).meanMax(doc)).as("%d x %d, dim %d", rows, docRows, dim)
                            .isCloseTo(expected, within(1e-5));
                    float[][] widened = new float[rows][dim];
                    for (int i = 0; i < rows; i++) {
                        for (int d = 0; d < dim; d++) {
                            widened[i][d] = query.code(i, d);
                        }
                    }
                    double[] panama = new double[rows];
                    double[] scalar = new double[rows];
                    PanamaMatch.bestMatches(widened, doc, panama);
                    PassageMatcher.scalarBestMatches(widened, doc, scalar);
                    // Products of int8 codes add up to exact integers in float: the two kernels agree to the bit.
                    assertThat(panama).as("%d x %d, dim %d", rows, docRows, dim).containsExactly(scalar);
                }
            }
        }
    }

    @Test
    void oneUnquantizedVectorFindsTheDocPassageClosestToIt() {
        List<float[]> docVectors = vectors(5, 384);
        float[] asked = docVectors.get(3).clone();
        PassageVectors doc = PassageVectors.quantize(docVectors);
        assertThat(PassageMatcher.of(asked).meanMax(doc)).isCloseTo(1.0, within(0.01));
        assertThat(PassageMatcher.of(vectors(1, 384).getFirst()).meanMax(doc)).isLessThan(0.5);
    }

    @Test
    void passagesOfAnotherWidthAreRefusedWithBothWidths() {
        PassageMatcher matcher = PassageMatcher.of(vectors(1, 384).getFirst());
        assertThatThrownBy(() -> matcher.meanMax(PassageVectors.quantize(vectors(2, 16))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("384 vs 16");
    }
}
