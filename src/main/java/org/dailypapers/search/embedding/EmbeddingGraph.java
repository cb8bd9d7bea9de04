package org.dailypapers.search.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.search.embedding.ProtoMessage.Field;

/**
 * Rewrites the bundled bge-small-en-v1.5 int8 graph (the Xenova/optimum export) into one that computes the same
 * embedding with less work, measured in decision 0004:
 *
 * <ul>
 *   <li>each layer's attention core (reshapes, transposes, two matrix products, the additive mask, softmax) becomes
 *       one ONNX Runtime {@code MultiHeadAttention} node, which also adds the query, key and value biases;
 *   <li>the last layer runs for the [CLS] row only: BGE pools that row, and the other rows' last layer only fed the
 *       unused rest of {@code last_hidden_state}. Keys and values still come from every token.
 * </ul>
 *
 * <p>The rewritten graph has no attention mask: its inputs must not be padded, which holds because the embedder
 * runs one text per call. Its output is {@code [batch, 1, 384]}, the [CLS] vector. The int8 matrix products, their
 * dynamic activation quantization and GELU are untouched; the last layer's activations are quantized over the
 * [CLS] row alone, which is why vectors differ slightly from the exported graph's (cosine about 0.999) and why
 * they carry their own model id.
 */
final class EmbeddingGraph {

    private static final int LAYERS = 12;
    private static final int HIDDEN = 384;
    private static final int HEADS = 12;
    private static final String MICROSOFT = "com.microsoft";

    // ONNX protobuf field numbers (onnx.proto3)
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int GRAPH_VALUE_INFO = 13;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int NODE_DOMAIN = 7;
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_INT = 3;
    private static final int ATTRIBUTE_TYPE = 20;
    private static final int ATTRIBUTE_TYPE_INT = 2;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_INT64_DATA = 7;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TYPE_FLOAT = 1;
    private static final int TYPE_INT64 = 7;
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_TYPE_ELEM_TYPE = 1;
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;

    private EmbeddingGraph() {}

    /**
     * The rewritten model.
     *
     * @throws IllegalArgumentException when the model is not the export this rewrite was written for
     */
    static byte[] rewrite(byte[] exported) {
        ProtoMessage model = ProtoMessage.parse(exported);
        List<Field> graphFields = model.all(MODEL_GRAPH);
        if (graphFields.size() != 1) {
            throw new IllegalArgumentException("the model has no graph");
        }
        ProtoMessage graph = graphFields.getFirst().asMessage();
        List<Node> nodes = new ArrayList<>(
                graph.all(GRAPH_NODE).stream().map(f -> new Node(f.asMessage())).toList());
        Map<String, Field> initializers = new LinkedHashMap<>();
        for (Field f : graph.all(GRAPH_INITIALIZER)) {
            initializers.put(f.asMessage().string(TENSOR_NAME), f);
        }
        Set<String> produced = new HashSet<>();
        nodes.forEach(n -> produced.addAll(n.outputs()));

        List<Node> added = new ArrayList<>();
        for (int layer = 0; layer < LAYERS; layer++) {
            String self = "/encoder/layer." + layer + "/attention/self/";
            String query = require(produced, self + "query/MatMul_output_0");
            String key = require(produced, self + "key/MatMul_output_0");
            String value = require(produced, self + "value/MatMul_output_0");
            String context = require(produced, self + "Reshape_3_output_0");
            String bias = "dailypapers/layer." + layer + "/qkv_bias";
            initializers.put(bias, Field.message(GRAPH_INITIALIZER, qkvBias(initializers, layer, bias)));
            added.add(Node.of(
                    "MultiHeadAttention",
                    MICROSOFT,
                    "dailypapers/layer." + layer + "/attention",
                    List.of(query, key, value, bias),
                    List.of(context),
                    Map.of("num_heads", (long) HEADS)));
        }

        // The last layer for the [CLS] row: its query input and its attention block's residual become row 0.
        String last = "/encoder/layer." + (LAYERS - 1) + "/";
        initializers.put(
                "dailypapers/cls/starts", Field.message(GRAPH_INITIALIZER, int64("dailypapers/cls/starts", 0)));
        initializers.put("dailypapers/cls/ends", Field.message(GRAPH_INITIALIZER, int64("dailypapers/cls/ends", 1)));
        initializers.put("dailypapers/cls/axes", Field.message(GRAPH_INITIALIZER, int64("dailypapers/cls/axes", 1)));
        Node queryProduct = named(nodes, last + "attention/self/query/MatMul_quant", "MatMulInteger");
        Node residual = named(nodes, last + "attention/output/Add", "Add");
        for (var rewire : List.of(Map.entry(queryProduct, 0), Map.entry(residual, 1))) {
            Node node = rewire.getKey();
            int input = rewire.getValue();
            String full = node.inputs().get(input);
            String row = full + "/cls";
            added.add(Node.of(
                    "Slice",
                    "",
                    row,
                    List.of(full, "dailypapers/cls/starts", "dailypapers/cls/ends", "dailypapers/cls/axes"),
                    List.of(row),
                    Map.of()));
            nodes.set(nodes.indexOf(node), node.withInput(input, row));
        }

        Set<String> replaced = new HashSet<>();
        added.forEach(n -> replaced.addAll(n.outputs()));
        List<Node> all = new ArrayList<>();
        for (Node n : nodes) {
            if (n.outputs().stream().noneMatch(replaced::contains)) {
                all.add(n);
            }
        }
        all.addAll(added);

        List<String> graphOutputs = graph.all(GRAPH_OUTPUT).stream()
                .map(f -> f.asMessage().string(VALUE_INFO_NAME))
                .toList();
        Set<String> available = new HashSet<>(initializers.keySet());
        graph.all(GRAPH_INPUT).forEach(f -> available.add(f.asMessage().string(VALUE_INFO_NAME)));
        List<Node> ordered = liveInOrder(all, graphOutputs, available);

        Set<String> used = new HashSet<>();
        ordered.forEach(n -> used.addAll(n.inputs()));
        List<Field> keptInitializers = initializers.entrySet().stream()
                .filter(e -> used.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        // last_hidden_state now has one row per text: its declared [batch, sequence, 384] would not hold
        List<Field> outputs = graphOutputs.stream()
                .map(name -> Field.message(
                        GRAPH_OUTPUT,
                        new ProtoMessage(List.of(
                                Field.string(VALUE_INFO_NAME, name),
                                Field.message(
                                        VALUE_INFO_TYPE,
                                        new ProtoMessage(List.of(Field.message(
                                                TYPE_TENSOR,
                                                new ProtoMessage(
                                                        List.of(
                                                                Field.varint(
                                                                        TENSOR_TYPE_ELEM_TYPE, TYPE_FLOAT)))))))))))
                .toList();
        ProtoMessage rewritten = graph.with(
                        GRAPH_NODE,
                        ordered.stream()
                                .map(n -> Field.message(GRAPH_NODE, n.message()))
                                .toList())
                .with(GRAPH_INITIALIZER, keptInitializers)
                .with(GRAPH_OUTPUT, outputs)
                .with(GRAPH_VALUE_INFO, List.of());
        ProtoMessage result = model.with(MODEL_GRAPH, List.of(Field.message(MODEL_GRAPH, rewritten)));
        boolean hasMicrosoft = model.all(MODEL_OPSET_IMPORT).stream()
                .anyMatch(f -> f.asMessage().string(OPSET_DOMAIN).equals(MICROSOFT));
        if (!hasMicrosoft) {
            List<Field> imports = new ArrayList<>(model.all(MODEL_OPSET_IMPORT));
            imports.add(Field.message(
                    MODEL_OPSET_IMPORT,
                    new ProtoMessage(List.of(Field.string(OPSET_DOMAIN, MICROSOFT), Field.varint(OPSET_VERSION, 1)))));
            result = result.with(MODEL_OPSET_IMPORT, imports);
        }
        return result.toByteArray();
    }

    /** The nodes that the outputs depend on, each after the nodes it reads from. */
    private static List<Node> liveInOrder(List<Node> nodes, List<String> outputs, Set<String> available) {
        Map<String, Node> producer = new HashMap<>();
        nodes.forEach(n -> n.outputs().forEach(o -> producer.put(o, n)));
        Set<Node> live = new HashSet<>();
        Deque<String> wanted = new ArrayDeque<>(outputs);
        while (!wanted.isEmpty()) {
            Node n = producer.get(wanted.pop());
            if (n != null && live.add(n)) {
                n.inputs().stream().filter(i -> !i.isEmpty()).forEach(wanted::push);
            }
        }
        Set<String> ready = new HashSet<>(available);
        ready.add("");
        List<Node> pending = nodes.stream().filter(live::contains).toList();
        List<Node> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Node> waiting = new ArrayList<>();
            for (Node n : pending) {
                if (ready.containsAll(n.inputs())) {
                    ordered.add(n);
                    ready.addAll(n.outputs());
                } else {
                    waiting.add(n);
                }
            }
            if (waiting.size() == pending.size()) {
                throw new IllegalArgumentException("the rewritten graph reads tensors nothing produces, first in "
                        + waiting.getFirst().name());
            }
            pending = waiting;
        }
        return ordered;
    }

    private static String require(Set<String> produced, String tensor) {
        if (!produced.contains(tensor)) {
            throw new IllegalArgumentException("the model has no tensor " + tensor);
        }
        return tensor;
    }

    private static Node named(List<Node> nodes, String name, String opType) {
        return nodes.stream()
                .filter(n -> n.name().equals(name) && n.opType().equals(opType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the model has no " + opType + " node " + name));
    }

    /** Query, key and value biases of a layer, one after the other, as MultiHeadAttention reads them. */
    private static ProtoMessage qkvBias(Map<String, Field> initializers, int layer, String name) {
        ByteBuffer joined = ByteBuffer.allocate(3 * HIDDEN * Float.BYTES);
        for (String part : List.of("query", "key", "value")) {
            String biasName = "encoder.layer." + layer + ".attention.self." + part + ".bias";
            Field tensor = initializers.get(biasName);
            if (tensor == null) {
                throw new IllegalArgumentException("the model has no initializer " + biasName);
            }
            byte[] floats = floatBytes(tensor.asMessage(), biasName);
            if (floats.length != HIDDEN * Float.BYTES) {
                throw new IllegalArgumentException(
                        biasName + " has " + floats.length / Float.BYTES + " values, not " + HIDDEN);
            }
            joined.put(floats);
        }
        return new ProtoMessage(List.of(
                Field.varint(TENSOR_DIMS, 3L * HIDDEN),
                Field.varint(TENSOR_DATA_TYPE, TYPE_FLOAT),
                Field.string(TENSOR_NAME, name),
                Field.bytes(TENSOR_RAW_DATA, joined.array())));
    }

    /** A float tensor's values as little-endian bytes, from raw data or from (packed or unpacked) float data. */
    private static byte[] floatBytes(ProtoMessage tensor, String name) {
        List<Field> type = tensor.all(TENSOR_DATA_TYPE);
        if (type.isEmpty() || type.getLast().value() != TYPE_FLOAT) {
            throw new IllegalArgumentException(name + " is not a float tensor");
        }
        List<Field> raw = tensor.all(TENSOR_RAW_DATA);
        if (!raw.isEmpty()) {
            return raw.getLast().asBytes();
        }
        List<Field> floats = tensor.all(TENSOR_FLOAT_DATA);
        if (floats.size() == 1 && floats.getFirst().wireType() == ProtoMessage.LENGTH_DELIMITED) {
            return floats.getFirst().asBytes();
        }
        ByteBuffer out = ByteBuffer.allocate(floats.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        floats.forEach(f -> out.putInt((int) f.value()));
        return out.array();
    }

    private static ProtoMessage int64(String name, long value) {
        return new ProtoMessage(List.of(
                Field.varint(TENSOR_DIMS, 1),
                Field.varint(TENSOR_DATA_TYPE, TYPE_INT64),
                Field.varint(TENSOR_INT64_DATA, value),
                Field.string(TENSOR_NAME, name)));
    }

    /** A graph node; identity is the object, as two nodes of a graph never share an output. */
    private static final class Node {

        private final ProtoMessage message;
        private final List<String> inputs;
        private final List<String> outputs;

        Node(ProtoMessage message) {
            this.message = message;
            this.inputs = message.strings(NODE_INPUT);
            this.outputs = message.strings(NODE_OUTPUT);
        }

        static Node of(
                String opType,
                String domain,
                String name,
                List<String> inputs,
                List<String> outputs,
                Map<String, Long> intAttributes) {
            List<Field> fields = new ArrayList<>();
            inputs.forEach(i -> fields.add(Field.string(NODE_INPUT, i)));
            outputs.forEach(o -> fields.add(Field.string(NODE_OUTPUT, o)));
            fields.add(Field.string(NODE_NAME, name));
            fields.add(Field.string(NODE_OP_TYPE, opType));
            intAttributes.forEach((attribute, value) -> fields.add(Field.message(
                    NODE_ATTRIBUTE,
                    new ProtoMessage(List.of(
                            Field.string(ATTRIBUTE_NAME, attribute),
                            Field.varint(ATTRIBUTE_INT, value),
                            Field.varint(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INT))))));
            if (!domain.isEmpty()) {
                fields.add(Field.string(NODE_DOMAIN, domain));
            }
            return new Node(new ProtoMessage(fields));
        }

        ProtoMessage message() {
            return message;
        }

        String name() {
            return message.string(NODE_NAME);
        }

        String opType() {
            return message.string(NODE_OP_TYPE);
        }

        List<String> inputs() {
            return inputs;
        }

        List<String> outputs() {
            return outputs;
        }

        Node withInput(int index, String tensor) {
            List<String> changed = new ArrayList<>(inputs);
            changed.set(index, tensor);
            return new Node(message.withStrings(NODE_INPUT, changed));
        }
    }
}
