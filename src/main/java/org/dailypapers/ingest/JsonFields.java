package org.dailypapers.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Lenient field access for records of outside formats: absent, null and blank all read as "none". */
final class JsonFields {

    private JsonFields() {}

    /** Coercions of the record being read on this thread (the import's parser thread reads one at a time). */
    private static final ThreadLocal<List<String>> COERCIONS = ThreadLocal.withInitial(ArrayList::new);

    static void startRecord() {
        COERCIONS.get().clear();
    }

    /** The coercions of the record since {@link #startRecord}, cleared. */
    static List<String> endRecord() {
        List<String> found = List.copyOf(COERCIONS.get());
        COERCIONS.get().clear();
        return found;
    }

    static void coerced(String field, JsonNode value, String expected) {
        COERCIONS
                .get()
                .add("field '" + field + "' is " + kind(value) + ", expected " + expected
                        + (value.isValueNode() ? "; read as \"" + value.asString() + "\"" : "; ignored"));
    }

    private static String kind(JsonNode v) {
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (!v.isString()) {
            coerced(field, v, "a string");
        }
        String s = v.isString() ? v.stringValue() : (v.isValueNode() ? v.asString() : null);
        return s == null || s.isBlank() ? null : s;
    }

    static String required(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            throw new MalformedRecordException("missing field '" + field + "'");
        }
        return s;
    }

    static ArxivId arxivId(JsonNode node, String field) {
        String raw = required(node, field);
        return ArxivId.parse(raw)
                .orElseThrow(() -> new MalformedRecordException("field '" + field + "': not an arXiv id: " + raw));
    }

    static @Nullable Instant instant(JsonNode node, String field) {
        String raw = text(node, field);
        if (raw == null) {
            return null;
        }
        return Timestamps.parse(raw)
                .orElseThrow(() -> new MalformedRecordException("field '" + field + "': not a date: " + raw));
    }

    static @Nullable Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asInt();
        }
        String s = v.asString().trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("field '" + field + "': not a number: " + s);
        }
    }

    static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> result = new ArrayList<>();
        if (v == null || !v.isArray()) {
            return result;
        }
        for (JsonNode item : v) {
            if (item.isString() && !item.stringValue().isBlank()) {
                result.add(item.stringValue());
            } else if (!item.isString() && !item.isNull()) {
                coerced(field + "[]", item, "a string");
            }
        }
        return result;
    }

    /** Titles and names arrive with arXiv's hard line breaks and double spaces. */
    static String oneLine(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || (c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ')) {
                return WHITESPACE.matcher(s).replaceAll(" ").trim();
            }
        }
        return s.trim();
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
}
