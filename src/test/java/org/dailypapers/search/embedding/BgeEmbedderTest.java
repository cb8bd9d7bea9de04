package org.dailypapers.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgeEmbedderTest {

    private static BgeEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new BgeEmbedder();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    /**
     * Our graph computes the same model with the last layer's activations quantized over the [CLS] row alone, so
     * vectors agree with the stock class's to within int8 noise; anything looser means the rewrite broke the model.
     */
    @Test
    void shouldAgreeWithTheStockModelToWithinQuantizationNoise() {
        List<String> texts = List.of(
                "Attention is all you need. The dominant sequence transduction models are based on complex recurrent"
                        + " or convolutional neural networks.",
                "short",
                "Retrieval-augmented generation combines a retriever with a generator to ground answers in documents.",
                "word ".repeat(400),
                "Long abstracts keep their ends: ".repeat(120) + "the model sees every part of the text.");
        List<float[]> ours = embedder.embedAll(texts);
        var stock = new BgeSmallEnV15QuantizedEmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs =
                    stock.embed(TextSegment.from(texts.get(i))).content().vector();
            assertThat(VectorMath.dot(ours.get(i), theirs))
                    .as("cosine of text %d", i)
                    .isGreaterThan(0.995);
        }
    }

    @Test
    void shouldGiveATextTheSameVectorWhateverItIsEmbeddedWith() {
        String text = "Graph neural networks for molecule property prediction.";
        float[] alone = embedder.embedDocument(text);
        float[] withOthers =
                embedder.embedAll(List.of("a", text, "b".repeat(500))).get(1);
        assertThat(withOthers).containsExactly(alone);
    }

    @Test
    void shouldPlaceAQueryNearerItsPassageThanAnUnrelatedOne() {
        float[] query = embedder.embedQuery("how do transformers use attention");
        List<float[]> docs = embedder.embedAll(List.of(
                "The Transformer relies entirely on self-attention to compute representations of its input.",
                "We measure the thermal conductivity of graphene at low temperatures."));
        assertThat(VectorMath.dot(query, docs.get(0))).isGreaterThan(VectorMath.dot(query, docs.get(1)));
        assertThat(docs.get(0)).hasSize(BgeEmbedder.DIMENSIONS);
    }
}
