package org.dailypapers.search.embedding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A protocol-buffers message read field by field, without its schema: enough to edit an ONNX model (nodes,
 * initializers, opset imports) and write it back. Length-delimited fields point into the bytes they were read from,
 * so the 34 MB of weights are never copied field by field.
 */
final class ProtoMessage {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /** One field; {@code value} holds varints and fixed numbers, the slice of {@code source} holds the rest. */
    record Field(int number, int wireType, long value, byte[] source, int offset, int length) {

        static Field varint(int number, long value) {
            return new Field(number, VARINT, value, new byte[0], 0, 0);
        }

        static Field bytes(int number, byte[] bytes) {
            return new Field(number, LENGTH_DELIMITED, 0, bytes, 0, bytes.length);
        }

        static Field string(int number, String text) {
            return bytes(number, text.getBytes(StandardCharsets.UTF_8));
        }

        static Field message(int number, ProtoMessage message) {
            return bytes(number, message.toByteArray());
        }

        String asString() {
            return new String(source, offset, length, StandardCharsets.UTF_8);
        }

        ProtoMessage asMessage() {
            return ProtoMessage.parse(source, offset, length);
        }

        byte[] asBytes() {
            byte[] copy = new byte[length];
            System.arraycopy(source, offset, copy, 0, length);
            return copy;
        }
    }

    private final List<Field> fields;

    ProtoMessage(List<Field> fields) {
        this.fields = new ArrayList<>(fields);
    }

    static ProtoMessage parse(byte[] data) {
        return parse(data, 0, data.length);
    }

    static ProtoMessage parse(byte[] data, int offset, int length) {
        List<Field> fields = new ArrayList<>();
        int[] at = {offset};
        int end = offset + length;
        while (at[0] < end) {
            long key = readVarint(data, at, end);
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            switch (wireType) {
                case VARINT -> fields.add(new Field(number, wireType, readVarint(data, at, end), data, 0, 0));
                case FIXED64 -> fields.add(new Field(number, wireType, readFixed(data, at, end, 8), data, 0, 0));
                case FIXED32 -> fields.add(new Field(number, wireType, readFixed(data, at, end, 4), data, 0, 0));
                case LENGTH_DELIMITED -> {
                    long size = readVarint(data, at, end);
                    if (size < 0 || size > end - at[0]) {
                        throw new IllegalArgumentException("truncated field " + number + " at byte " + at[0]);
                    }
                    fields.add(new Field(number, wireType, 0, data, at[0], (int) size));
                    at[0] += (int) size;
                }
                default ->
                    throw new IllegalArgumentException(
                            "unsupported wire type " + wireType + " of field " + number + " at byte " + at[0]);
            }
        }
        return new ProtoMessage(fields);
    }

    List<Field> fields() {
        return fields;
    }

    List<Field> all(int number) {
        return fields.stream().filter(f -> f.number() == number).toList();
    }

    List<String> strings(int number) {
        return all(number).stream().map(Field::asString).toList();
    }

    String string(int number) {
        List<Field> found = all(number);
        return found.isEmpty() ? "" : found.getLast().asString();
    }

    /** This message with every field {@code number} replaced by the given ones, placed where the first one was. */
    ProtoMessage with(int number, List<Field> replacements) {
        List<Field> out = new ArrayList<>();
        boolean placed = false;
        for (Field f : fields) {
            if (f.number() != number) {
                out.add(f);
            } else if (!placed) {
                out.addAll(replacements);
                placed = true;
            }
        }
        if (!placed) {
            out.addAll(replacements);
        }
        return new ProtoMessage(out);
    }

    ProtoMessage withStrings(int number, List<String> values) {
        return with(number, values.stream().map(v -> Field.string(number, v)).toList());
    }

    byte[] toByteArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields) {
            writeVarint(out, ((long) f.number() << 3) | f.wireType());
            switch (f.wireType()) {
                case VARINT -> writeVarint(out, f.value());
                case FIXED64 -> writeFixed(out, f.value(), 8);
                case FIXED32 -> writeFixed(out, f.value(), 4);
                default -> {
                    writeVarint(out, f.length());
                    out.write(f.source(), f.offset(), f.length());
                }
            }
        }
        return out.toByteArray();
    }

    private static long readVarint(byte[] data, int[] at, int end) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= end) {
                throw new IllegalArgumentException("truncated varint at byte " + at[0]);
            }
            byte b = data[at[0]++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed varint before byte " + at[0]);
    }

    private static long readFixed(byte[] data, int[] at, int end, int size) {
        if (end - at[0] < size) {
            throw new IllegalArgumentException("truncated fixed field at byte " + at[0]);
        }
        long result = 0;
        for (int i = 0; i < size; i++) {
            result |= (long) (data[at[0]++] & 0xff) << (8 * i);
        }
        return result;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static void writeFixed(ByteArrayOutputStream out, long value, int size) {
        for (int i = 0; i < size; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
