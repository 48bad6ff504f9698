package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
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
    /** Per set, each object's place in insertion order: index candidates are handed out in the scan's order. */
    private final Map<String, Map<String, Long>> sequences = new HashMap<>();
    /** Per set, the equality indexes built so far, by property name (each built on its first use). */
    private final Map<String, Map<String, FieldIndex>> indexes = new HashMap<>();
    private long nextSequence;

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

    /**
     * As {@link #list(EntitySet, java.util.function.Predicate)}, but when the filter's top-level conjunction holds
     * equalities with literals ({@code constraints}), only the objects an index gives for the most selective one
     * are tested, as a DBMS would answer the orders flow's look-up by external number. The predicate is still
     * applied to every candidate, so the answer (and its order) is the scan's.
     */
    synchronized List<ObjectNode> list(EntitySet set, java.util.function.Predicate<ObjectNode> matches,
                                       List<ODataFilter.Constraint> constraints) {
        if (set.isTabularSection() || constraints.isEmpty()) {
            return list(set, matches);
        }
        var bySet = objects.getOrDefault(set.name(), new LinkedHashMap<>());
        Collection<String> best = null;
        for (ODataFilter.Constraint constraint : constraints) {
            Collection<String> candidates = index(set, constraint.property()).candidates(constraint.values());
            if (best == null || candidates.size() < best.size()) {
                best = candidates;
            }
        }
        List<String> refs = new ArrayList<>(best);
        Map<String, Long> order = sequences.getOrDefault(set.name(), Map.of());
        refs.sort(Comparator.comparingLong(order::get));
        List<ObjectNode> copies = new ArrayList<>();
        for (String ref : refs) {
            ObjectNode o = bySet.get(ref);
            if (o != null && matches.test(o)) {
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
        stored(set, ref, null, stored);
        return stored.deepCopy();
    }

    /**
     * Stores many new objects at once, as given (no copies: the caller hands them over), replacing objects with the
     * same Ref_Key: the bulk seed of a benchmark, where 100,000 items must go in fast.
     */
    synchronized void insertAll(EntitySet set, List<ObjectNode> created) {
        var bySet = objects.computeIfAbsent(set.name(), k -> new LinkedHashMap<>());
        for (ObjectNode object : created) {
            String ref = normalise(object.path("Ref_Key").asText());
            stored(set, ref, bySet.put(ref, object), object);
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
        stored(set, normalise(ref), stored, working);
        return Optional.of(working.deepCopy());
    }

    synchronized boolean delete(EntitySet set, String ref) {
        var bySet = objects.get(set.name());
        ObjectNode removed = bySet == null ? null : bySet.remove(normalise(ref));
        if (removed == null) {
            return false;
        }
        sequences.get(set.name()).remove(normalise(ref));
        indexes.getOrDefault(set.name(), Map.of()).values().forEach(index -> index.remove(normalise(ref), removed));
        return true;
    }

    /** The next free document number or catalog code of that set, e.g. "00-00000007" for length 11. */
    synchronized String nextNumber(EntitySet set, String property) {
        int length = set.numberOrCodeLength();
        FieldIndex existing = index(set, property); // not a list of every number: a create must not cost O(N)
        long next = lastNumbers.getOrDefault(set.name(), 0L);
        String candidate;
        do {
            next++;
            candidate = format(next, length);
        } while (existing.contains(candidate));
        lastNumbers.put(set.name(), next);
        return candidate;
    }

    /** Keeps the insertion order and the built indexes in step with a write of {@code ref} (previous = null: new). */
    private void stored(EntitySet set, String ref, ObjectNode previous, ObjectNode current) {
        if (previous == null) {
            sequences.computeIfAbsent(set.name(), k -> new HashMap<>()).put(ref, nextSequence++);
        }
        for (FieldIndex index : indexes.getOrDefault(set.name(), Map.of()).values()) {
            if (previous != null) {
                index.remove(ref, previous);
            }
            index.add(ref, current);
        }
    }

    /** The index of one property of a set, built from the stored objects the first time it is asked for. */
    private FieldIndex index(EntitySet set, String property) {
        var bySet = indexes.computeIfAbsent(set.name(), k -> new HashMap<>());
        FieldIndex index = bySet.get(property);
        if (index == null) {
            boolean guid = set.property(property).map(p -> p.kind() == Property.Kind.GUID).orElse(false);
            index = new FieldIndex(property, guid);
            for (var e : objects.getOrDefault(set.name(), new LinkedHashMap<>()).entrySet()) {
                index.add(e.getKey(), e.getValue());
            }
            bySet.put(property, index);
        }
        return index;
    }

    /**
     * Refs by the text of one property, keyed exactly as {@link ODataFilter} reads it for an {@code eq} (a GUID
     * property lower-cased, anything else as stored). A value that is not text (a number, a boolean, an object)
     * could still compare equal to a literal by the filter's rules, so such objects are candidates for every value;
     * an absent or null value never equals a literal and is left out.
     */
    static final class FieldIndex {
        private final String property;
        private final boolean guid;
        private final Map<String, Set<String>> byValue = new HashMap<>();
        private final Set<String> notText = new HashSet<>();

        FieldIndex(String property, boolean guid) {
            this.property = property;
            this.guid = guid;
        }

        void add(String ref, ObjectNode object) {
            JsonNode value = object.get(property);
            if (value == null || value.isNull()) {
                return;
            }
            if (!value.isTextual()) {
                notText.add(ref);
                return;
            }
            byValue.computeIfAbsent(key(value.asText()), k -> new HashSet<>()).add(ref);
        }

        void remove(String ref, ObjectNode object) {
            JsonNode value = object.get(property);
            if (value == null || value.isNull()) {
                return;
            }
            if (!value.isTextual()) {
                notText.remove(ref);
                return;
            }
            String key = key(value.asText());
            Set<String> refs = byValue.get(key);
            if (refs != null && refs.remove(ref) && refs.isEmpty()) {
                byValue.remove(key);
            }
        }

        boolean contains(String value) {
            return byValue.containsKey(key(value));
        }

        /** Every ref whose object may hold one of the values (a superset of the matches; unordered). */
        Collection<String> candidates(Set<String> values) {
            if (values.size() == 1 && notText.isEmpty()) {
                return byValue.getOrDefault(key(values.iterator().next()), Set.of());
            }
            Set<String> refs = new HashSet<>(notText);
            for (String value : values) {
                refs.addAll(byValue.getOrDefault(key(value), Set.of()));
            }
            return refs;
        }

        private String key(String text) {
            return guid ? text.toLowerCase(Locale.ROOT) : text;
        }
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
