package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Ozon's v4 keyset cursor: base64 of {@code {"fields":[{"name":"osp.in_process_at","dir":"asc","val":"..."},
 * {"name":"osp.id","dir":"asc","val":"..."}]}} (the spec's example decodes to exactly that). A keyset rather
 * than an offset, so a posting that arrives while a client pages through does not shift the pages.
 *
 * @param names the sort fields, e.g. {@code osp.in_process_at, osp.id}; the last one is always the posting id
 */
record PostingCursor(List<String> names, boolean ascending, long[] key) {

    static String encode(List<String> names, boolean ascending, long[] key) {
        ObjectNode root = OzonJson.object();
        ArrayNode fields = root.putArray("fields");
        for (int i = 0; i < names.size(); i++) {
            ObjectNode field = fields.addObject();
            field.put("name", names.get(i));
            field.put("dir", ascending ? "asc" : "desc");
            boolean isId = i == names.size() - 1;
            field.put("val", isId ? Long.toString(key[i]) : OzonJson.format(Instant.ofEpochSecond(key[i])));
        }
        return Base64.getEncoder().encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor minted for the same sort; anything else is a 400, as a tampered cursor is at Ozon. */
    static PostingCursor decode(String cursor, List<String> names, boolean ascending) {
        try {
            JsonNode fields = OzonJson.MAPPER.readTree(Base64.getDecoder().decode(cursor)).get("fields");
            if (fields == null || !fields.isArray() || fields.size() != names.size()) {
                throw invalid();
            }
            long[] key = new long[names.size()];
            for (int i = 0; i < names.size(); i++) {
                JsonNode field = fields.get(i);
                if (!names.get(i).equals(field.path("name").asText())
                        || !(ascending ? "asc" : "desc").equals(field.path("dir").asText())) {
                    throw invalid();
                }
                String val = field.path("val").asText();
                key[i] = i == names.size() - 1 ? Long.parseLong(val) : OzonJson.parse(val).getEpochSecond();
            }
            return new PostingCursor(names, ascending, key);
        } catch (OzonApiException e) {
            throw e;
        } catch (Exception e) {
            throw invalid();
        }
    }

    private static OzonApiException invalid() {
        return OzonApiException.invalidArgument("invalid cursor: it does not belong to this request's sort order");
    }
}
