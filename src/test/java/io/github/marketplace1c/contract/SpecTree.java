package io.github.marketplace1c.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * An OpenAPI file (JSON or YAML, split across files or not) read as a plain tree, with an operation's answer
 * schema inlined: every {@code $ref} followed (within the file or into a sibling file, relative to the file that
 * names it), {@code allOf} merged into one object, and {@code oneOf}/{@code anyOf} merged as the union of their
 * alternatives' properties (a field any alternative defines is a field the answer may carry). A reference met
 * again inside itself is cut to {@code {"x-mp1c-cycle": ref}}. The result is a new tree; the files stay as they are.
 */
public final class SpecTree {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Path, JsonNode> FILES = new HashMap<>();

    private final Path entry;

    public SpecTree(Path entry) {
        this.entry = entry.toAbsolutePath().normalize();
    }

    public Path entry() {
        return entry;
    }

    static synchronized JsonNode file(Path file) {
        return FILES.computeIfAbsent(file, f -> {
            try {
                return (f.toString().endsWith(".json") ? JSON : YAML).readTree(f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        });
    }

    /** Whether the spec declares the operation at all. */
    public boolean declares(String method, String path) {
        return operation(method, path) != null;
    }

    /** The inlined schema of the operation's answer with the given status (JSON content), or null if none. */
    public JsonNode answer(String method, String path, String status) {
        Located op = operation(method, path);
        if (op == null) {
            return null;
        }
        Located response = deref(op.file, op.node.path("responses").path(status));
        JsonNode content = response.node.path("content");
        JsonNode media = content.path("application/json");
        if (media.isMissingNode() && content.size() > 0) {
            media = content.elements().next();
        }
        if (media.path("schema").isMissingNode()) {
            return null;
        }
        return inline(response.file, media.get("schema"), new ArrayDeque<>());
    }

    private Located operation(String method, String path) {
        JsonNode item = file(entry).path("paths").path(path);
        if (item.isMissingNode()) {
            return null;
        }
        Located located = deref(entry, item);
        JsonNode op = located.node.path(method.toLowerCase());
        return op.isMissingNode() ? null : new Located(located.file, op);
    }

    private record Located(Path file, JsonNode node) {
    }

    /** Follows {@code $ref}s until the node is not one. */
    private static Located deref(Path file, JsonNode node) {
        int hops = 0;
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            Path target = target(file, ref);
            node = pointer(target, ref);
            file = target;
            if (++hops > 50) {
                throw new IllegalStateException("a $ref chain that does not end at " + ref);
            }
        }
        return new Located(file, node);
    }

    private static Path target(Path file, String ref) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        return filePart.isEmpty() ? file : file.getParent().resolve(filePart).normalize();
    }

    private static JsonNode pointer(Path target, String ref) {
        int hash = ref.indexOf('#');
        JsonNode root = file(target);
        if (hash < 0 || hash == ref.length() - 1) {
            return root;
        }
        JsonNode node = root.at(ref.substring(hash + 1));
        if (node.isMissingNode()) {
            throw new IllegalStateException("$ref " + ref + " names nothing in " + target);
        }
        return node;
    }

    private static String key(Path file, String ref) {
        return target(file, ref) + (ref.contains("#") ? ref.substring(ref.indexOf('#')) : "");
    }

    private static JsonNode inline(Path file, JsonNode node, Deque<String> stack) {
        if (node.has("$ref")) {
            String key = key(file, node.get("$ref").asText());
            if (stack.contains(key) || stack.size() > 40) {
                ObjectNode cut = JsonNodeFactory.instance.objectNode();
                cut.put("x-mp1c-cycle", node.get("$ref").asText());
                return cut;
            }
            stack.push(key);
            String ref = node.get("$ref").asText();
            Path target = target(file, ref);
            JsonNode result = inline(target, pointer(target, ref), stack);
            stack.pop();
            if (node.size() > 1 && result instanceof ObjectNode object) {
                // a $ref with siblings (description next to it): the siblings say more about this use
                ObjectNode copy = object.deepCopy();
                node.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("$ref")) {
                        copy.set(e.getKey(), e.getValue());
                    }
                });
                return copy;
            }
            return result;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    e.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), inline(file, p.getValue(), stack)));
                }
                case "items", "additionalProperties" -> out.set(e.getKey(),
                        e.getValue().isObject() ? inline(file, e.getValue(), stack) : e.getValue());
                case "allOf", "oneOf", "anyOf" -> {
                    for (JsonNode part : e.getValue()) {
                        merge(out, inline(file, part, stack));
                    }
                }
                case "example", "examples", "enum", "required" -> out.set(e.getKey(), e.getValue());
                default -> {
                    if (!out.has(e.getKey())) {
                        out.set(e.getKey(), e.getValue());
                    }
                }
            }
        }
        return out;
    }

    /** Merges {@code part} into {@code into}: properties unioned, the first word on type/description kept. */
    private static void merge(ObjectNode into, JsonNode part) {
        if (!part.isObject()) {
            return;
        }
        part.fields().forEachRemaining(e -> {
            if (e.getKey().equals("properties")) {
                ObjectNode props = into.has("properties") ? (ObjectNode) into.get("properties")
                        : into.putObject("properties");
                e.getValue().fields().forEachRemaining(p -> {
                    if (!props.has(p.getKey())) {
                        props.set(p.getKey(), p.getValue());
                    }
                });
            } else if (e.getKey().equals("required")) {
                ArrayNode required = into.has("required") && into.get("required").isArray()
                        ? (ArrayNode) into.get("required") : into.putArray("required");
                e.getValue().forEach(required::add);
            } else if (!into.has(e.getKey())) {
                into.set(e.getKey(), e.getValue());
            }
        });
        if (!into.has("type") && into.has("properties")) {
            into.put("type", "object");
        }
    }
}
