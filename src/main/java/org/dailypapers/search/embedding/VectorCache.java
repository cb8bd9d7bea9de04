package org.dailypapers.search.embedding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.core.IndexedPaper;
import org.jspecify.annotations.Nullable;

/**
 * Vectors of evaluation corpora kept between runs in a file (for tests: under {@code target/}), keyed by a hash of
 * model and text: a changed text or model misses the cache and is embedded again, so a cached run measures exactly
 * what an uncached one would.
 */
public final class VectorCache {

    private final @Nullable Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private boolean dirty;

    private VectorCache(@Nullable Path file) {
        this.file = file;
    }

    public static VectorCache none() {
        return new VectorCache(null);
    }

    public static VectorCache load(Path file) {
        VectorCache cache = new VectorCache(file);
        if (Files.isRegularFile(file)) {
            try (DataInputStream in =
                    new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                while (true) {
                    String key;
                    try {
                        key = in.readUTF();
                    } catch (EOFException e) {
                        break;
                    }
                    float[] v = new float[in.readInt()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readFloat();
                    }
                    cache.vectors.put(key, v);
                }
            } catch (IOException e) {
                // A torn cache file costs time, never correctness: start over.
                cache.vectors.clear();
            }
        }
        return cache;
    }

    /** Vectors of the texts, computing (in one batch) only those not cached. */
    public List<float[]> embed(BgeEmbedder embedder, List<String> texts, ProgressListener progress) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        List<String> keys = texts.stream().map(IndexedPaper::textHash).toList();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(keys.get(i));
            out.add(v);
            if (v == null) {
                missing.add(i);
            }
        }
        int chunk = 256;
        for (int start = 0; start < missing.size(); start += chunk) {
            List<Integer> part = missing.subList(start, Math.min(missing.size(), start + chunk));
            List<float[]> computed =
                    embedder.embedAll(part.stream().map(texts::get).toList());
            for (int j = 0; j < part.size(); j++) {
                out.set(part.get(j), computed.get(j));
                if (file != null) {
                    vectors.put(keys.get(part.get(j)), computed.get(j));
                    dirty = true;
                }
            }
            // Saved as it grows, so that an interrupted run resumes.
            save();
            progress.progress(start + part.size(), missing.size());
        }
        return out;
    }

    public void save() {
        if (file == null || !dirty) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out =
                    new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float x : e.getValue()) {
                        out.writeFloat(x);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector cache " + file, e);
        }
    }
}
