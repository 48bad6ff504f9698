package io.github.marketplace1c.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds {@code src/main/resources/sandbox/full-answers.json}, what {@code sandbox.SpecFullAnswers} completes
 * emulator answers from: the 2xx answer schema of every marketplace operation in docs/contracts.md, inlined from
 * the spec ({@link SpecTree}) and cut to what filling needs (type, properties, required, items, enum, example, format, minItems, minimum), each
 * money field marked {@code x-mp1c-money: read|ignored} as the page decides it. Descriptions are left out: the
 * jar carries about what it uses, not the specs (several MB).
 */
public final class FullAnswersResource {

    public static final Path FILE = Path.of("src/main/resources/sandbox/full-answers.json");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FullAnswersResource() {
    }

    public static ObjectNode build() {
        ObjectNode all = NODES.objectNode();
        for (ContractsDoc.Operation op : ContractsDoc.read()) {
            if (op.system().startsWith("1c") || !op.status().startsWith("2")) {
                continue;
            }
            JsonNode schema = new SpecTree(op.specFile()).answer(op.method(), op.path(), op.status());
            if (schema == null) {
                continue;
            }
            ObjectNode marketplace = all.has(op.system()) ? (ObjectNode) all.get(op.system())
                    : all.putObject(op.system());
            marketplace.set(op.method() + " " + op.path(), compact(schema, "", op.rows()));
        }
        return all;
    }

    private static ObjectNode compact(JsonNode schema, String path, Map<String, ContractsDoc.Row> rows) {
        ObjectNode out = NODES.objectNode();
        String type = AnswerFields.type(schema);
        out.put("type", type);
        for (String bound : new String[] {"minItems", "minimum"}) {
            if (schema.path(bound).isNumber()) {
                out.set(bound, schema.get(bound));
            }
        }
        if (type.equals("array") && schema.has("items")) {
            out.set("items", compact(schema.get("items"), path + "[]", rows));
        } else if (schema.path("properties").size() > 0) {
            if (schema.path("required").isArray() && !schema.get("required").isEmpty()) {
                out.set("required", schema.get("required"));
            }
            ObjectNode properties = out.putObject("properties");
            schema.get("properties").fields().forEachRemaining(p -> {
                if (!p.getValue().has("x-mp1c-cycle")) {
                    properties.set(p.getKey(), compact(p.getValue(),
                            path.isEmpty() ? p.getKey() : path + "." + p.getKey(), rows));
                }
            });
        } else {
            if (schema.has("enum")) {
                out.set("enum", schema.get("enum"));
            }
            if (schema.path("example").isValueNode()) {
                out.set("example", schema.get("example"));
            }
            if (schema.has("format")) {
                out.put("format", schema.get("format").asText());
            }
            ContractsDoc.Row row = rows.get(path);
            if (row != null && row.money()) {
                out.put("x-mp1c-money", row.use() == ContractsDoc.Use.READ ? "read" : "ignored");
            }
        }
        return out;
    }

    /** Writes the file: {@code mvn test -Dtest=FullAnswersResourceTest -Dmp1c.contracts.write=true}. */
    static void write() throws java.io.IOException {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(FILE.toFile(), build());
    }
}
