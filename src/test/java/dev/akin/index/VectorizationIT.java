package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

class VectorizationIT {
    @Test
    void luceneUsesPanamaVectorCodeInTheTestJvm() throws ReflectiveOperationException {
        assertThat(Vectorization.panamaEnabled()).isTrue();
        // Lucene does not expose which implementation it picked; its private field says for sure.
        var impl = VectorUtil.class.getDeclaredField("IMPL");
        impl.setAccessible(true);
        assertThat(impl.get(null).getClass().getSimpleName()).isEqualTo("PanamaVectorUtilSupport");
    }
}
