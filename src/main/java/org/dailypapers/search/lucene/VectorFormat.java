package org.dailypapers.search.lucene;

import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene102.Lucene102HnswBinaryQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How the HNSW graph holds the 384-d vectors (setting {@code dailypapers.search.vector-format}). The quantised
 * formats keep the float originals on disk beside a compact copy that the graph search reads; the engine then
 * rescores the candidates with the originals, so only the candidate list, not the order, depends on the copy
 * (docs/decisions/0012-quantised-vectors.md).
 */
public enum VectorFormat {
    /** Float32, 1,536 bytes per vector in memory. */
    FLOAT,
    /** Scalar-quantised to 7 bits per dimension (Lucene's int8): ~388 bytes per vector. */
    INT8,
    /** Scalar-quantised to 4 bits, two dimensions per byte: ~196 bytes per vector. */
    INT4,
    /** Binary quantisation (Lucene's BBQ, one bit per dimension plus corrections): ~64 bytes per vector. */
    BBQ;

    public static final VectorFormat DEFAULT = INT8;

    public static VectorFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dailypapers.search.vector-format must be one of "
                    + Arrays.stream(values())
                            .map(f -> f.name().toLowerCase(Locale.ROOT))
                            .toList()
                    + ", not '" + name + "'");
        }
    }

    /**
     * The codec's format. {@code mergeWorkers} above 1 lets a large merge build its graph on that many threads (the
     * merge scheduler's own executor, used for merges of 50 MB and more): for commands that own the machine, not for
     * the server, where a merge must leave cores to the readers.
     */
    KnnVectorsFormat codecFormat(int mergeWorkers) {
        int m = PaperIndex.HNSW_MAX_CONNECTIONS;
        int beam = PaperIndex.HNSW_BEAM_WIDTH;
        int workers = Math.max(1, mergeWorkers);
        return switch (this) {
            case FLOAT -> new Lucene99HnswVectorsFormat(m, beam, workers, null);
            case INT8 -> new Lucene99HnswScalarQuantizedVectorsFormat(m, beam, workers, 7, false, null, null);
            case INT4 -> new Lucene99HnswScalarQuantizedVectorsFormat(m, beam, workers, 4, true, null, null);
            case BBQ -> new Lucene102HnswBinaryQuantizedVectorsFormat(m, beam, workers, null);
        };
    }

    /** Whether graph candidates must be rescored with the float originals. */
    boolean rescores() {
        return this != FLOAT;
    }
}
