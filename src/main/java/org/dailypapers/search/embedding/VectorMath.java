package org.dailypapers.search.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** Unit vectors and their portable text form. */
public final class VectorMath {

    private VectorMath() {}

    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /**
     * Little-endian float32, Base64: one TEXT column holds it on SQLite and PostgreSQL alike (BLOB and BYTEA
     * differ), at a third more space than binary.
     */
    public static String encode(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    public static float[] decode(String text) {
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[buffer.remaining() / Float.BYTES];
        buffer.asFloatBuffer().get(v);
        return v;
    }
}
