package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The emulated infobase: objects per entity set, kept in their OData read form (exactly what a GET returns, minus
 * {@code odata.metadata}), in insertion order. Every method hands out deep copies, so neither the HTTP side nor a test
 * can change a stored object behind the store's back. All access is serialised on the store: the emulator is small
 * and writes are rare, and a single lock makes "write, then lose the reply" and concurrent posts easy to reason about.
 */
final class OneCStore {

    private final Map<String, LinkedHashMap<String, ObjectNode>> objects = new HashMap<>();
    private final Map<String, Long> lastNumbers = new HashMap<>();

    synchronized List<ObjectNode> list(EntitySet set) {
        return list(set, o -> true);
    }

    /**
     * Copies of the objects that match, tested before they are copied: a $filter read of one document among
     * thousands (the orders flow's look-up by external number) must not copy them all.
     */
    synchronized List<ObjectNode> list(EntitySet set, java.util.function.Predicate<ObjectNode> matches) {
        if (set.isTabularSection()) {
            return rows(set).stream().filter(matches).toList();
        }
        List<ObjectNode> copies = new ArrayList<>();
        for (ObjectNode o : objects.getOrDefault(set.name(), new LinkedHashMap<>()).values()) {
            if (matches.test(o)) {
                copies.add(o.deepCopy());
            }
        }
        return copies;
    }

    synchronized Optional<ObjectNode> get(EntitySet set, String ref) {
        ObjectNode stored = objects.getOrDefault(set.name(), new LinkedHashMap<>()).get(normalise(ref));
        return Optional.ofNullable(stored).map(ObjectNode::deepCopy);
    }

    synchronized boolean contains(EntitySet set, String ref) {
        return objects.getOrDefault(set.name(), new LinkedHashMap<>()).containsKey(normalise(ref));
    }

    /** Stores a new object (its Ref_Key must be set); assigns DataVersion 1. Returns the stored copy. */
    synchronized ObjectNode insert(EntitySet set, ObjectNode object) {
        String ref = normalise(object.path("Ref_Key").asText());
        var bySet = objects.computeIfAbsent(set.name(), k -> new LinkedHashMap<>());
        if (bySet.containsKey(ref)) {
            throw ODataErrors.alreadyExists();
        }
        ObjectNode stored = object.deepCopy();
        stored.put("DataVersion", dataVersion(1));
        bySet.put(ref, stored);
        return stored.deepCopy();
    }

    /**
     * Stores many new objects at once, as given (no copies: the caller hands them over), replacing objects with the
     * same Ref_Key: the bulk seed of a benchmark, where 100,000 items must go in fast.
     */
    synchronized void insertAll(EntitySet set, List<ObjectNode> created) {
        var bySet = objects.computeIfAbsent(set.name(), k -> new LinkedHashMap<>());
        for (ObjectNode object : created) {
            bySet.put(normalise(object.path("Ref_Key").asText()), object);
        }
    }

    /** Applies a change to a stored object and increments its DataVersion (on every write, as 1C does). */
    synchronized Optional<ObjectNode> update(EntitySet set, String ref, Consumer<ObjectNode> change) {
        ObjectNode stored = objects.getOrDefault(set.name(), new LinkedHashMap<>()).get(normalise(ref));
        if (stored == null) {
            return Optional.empty();
        }
        ObjectNode working = stored.deepCopy();
        change.accept(working); // may throw: the stored object stays untouched, as a rolled-back transaction would
        working.put("DataVersion", dataVersion(version(stored.path("DataVersion").asText()) + 1));
        working.put("Ref_Key", stored.path("Ref_Key").asText());
        objects.get(set.name()).put(normalise(ref), working);
        return Optional.of(working.deepCopy());
    }

    synchronized boolean delete(EntitySet set, String ref) {
        var bySet = objects.get(set.name());
        return bySet != null && bySet.remove(normalise(ref)) != null;
    }

    /** The next free document number or catalog code of that set, e.g. "00-00000007" for length 11. */
    synchronized String nextNumber(EntitySet set, String property) {
        int length = set.numberOrCodeLength();
        var existing = objects.getOrDefault(set.name(), new LinkedHashMap<>()).values().stream()
                .map(o -> o.path(property).asText()).toList();
        long next = lastNumbers.getOrDefault(set.name(), 0L);
        String candidate;
        do {
            next++;
            candidate = format(next, length);
        } while (existing.contains(candidate));
        lastNumbers.put(set.name(), next);
        return candidate;
    }

    /** Rows of a tabular section across all owner objects, each carrying the owner's Ref_Key. */
    private List<ObjectNode> rows(EntitySet rowsSet) {
        List<ObjectNode> rows = new ArrayList<>();
        objects.getOrDefault(rowsSet.owner().name(), new LinkedHashMap<>()).values().forEach(owner -> {
            JsonNode section = owner.path(rowsSet.sectionName());
            if (section instanceof ArrayNode array) {
                array.forEach(row -> rows.add((ObjectNode) row.deepCopy()));
            }
        });
        return rows;
    }

    static String format(long number, int length) {
        if (length <= 0) {
            return Long.toString(number);
        }
        // typical 1C numbers carry a prefix ("00-" for the central base) when the length allows it
        String prefix = length >= 8 ? "00-" : "";
        String digits = Long.toString(number);
        int width = length - prefix.length();
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    static String normalise(String ref) {
        return ref == null ? "" : ref.toLowerCase(Locale.ROOT);
    }

    /** DataVersion: an 8-byte counter in base64, "AAAAAAAAAAE=" for 1. */
    static String dataVersion(long version) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(version).array());
    }

    static long version(String dataVersion) {
        try {
            byte[] bytes = Base64.getDecoder().decode(dataVersion);
            return bytes.length == 8 ? ByteBuffer.wrap(bytes).getLong() : 0;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
