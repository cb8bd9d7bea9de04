package org.dailypapers.summary;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.paper.Paper;
import org.dailypapers.search.TextEmbeddings;
import org.jspecify.annotations.Nullable;

/**
 * Vectors kept in a file between evaluation runs, keyed by model and text, so that trying other settings does not
 * embed 3,000 papers again. Only the evaluation uses it; the product stores its results instead.
 */
final class CachedEmbeddings implements TextEmbeddings {

    private final TextEmbeddings embeddings;
    private final @Nullable Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private final Map<String, float[]> added = new LinkedHashMap<>();

    CachedEmbeddings(TextEmbeddings embeddings, @Nullable Path file) {
        this.embeddings = embeddings;
        this.file = file;
        if (file != null && Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
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
                    vectors.put(key, v);
                }
            } catch (EOFException e) {
                // a run killed while writing leaves a partial last entry; the rest is good
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the vector cache " + file, e);
            }
        }
    }

    @Override
    public String modelId() {
        return embeddings.modelId();
    }

    @Override
    public List<float[]> embed(List<String> passages) {
        return cached(passages, "t", missing -> embeddings.embed(missing));
    }

    @Override
    public List<float[]> embedPapers(List<PaperText> papers) {
        Map<String, PaperText> byText = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (PaperText p : papers) {
            String t = p.title() + "\n" + p.abstractText();
            byText.put(t, p);
            texts.add(t);
        }
        return cached(
                texts,
                "p",
                missing ->
                        embeddings.embedPapers(missing.stream().map(byText::get).toList()));
    }

    @Override
    public Map<String, float[]> storedPaperVectors(Collection<Paper> papers) {
        return embeddings.storedPaperVectors(papers);
    }

    private List<float[]> cached(
            List<String> texts, String kind, java.util.function.Function<List<String>, List<float[]>> compute) {
        List<String> keys = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            String k = key(kind, t);
            keys.add(k);
            if (!vectors.containsKey(k)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> computed = compute.apply(missing);
            for (int i = 0; i < missing.size(); i++) {
                String k = key(kind, missing.get(i));
                vectors.put(k, computed.get(i));
                added.put(k, computed.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String k : keys) {
            out.add(vectors.get(k));
        }
        return out;
    }

    /** Appends what was computed since the last save. */
    void save() {
        if (file == null || added.isEmpty()) {
            return;
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)))) {
            for (Map.Entry<String, float[]> e : added.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector cache " + file, e);
        }
        added.clear();
    }

    private String key(String kind, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(embeddings.modelId().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
