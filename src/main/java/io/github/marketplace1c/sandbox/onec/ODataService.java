package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 1C standard OData interface over the store, free of any HTTP server: a decoded resource path, the query
 * options and the body in, a {@link Reply} out (or an {@link ODataException}). {@link OneCEmulator} puts it behind
 * Vert.x with auth, faults and logging.
 */
final class ODataService {

    /** What to answer: status, extra headers, and a body (null = none). */
    record Reply(int status, Map<String, String> headers, byte[] body, String contentType) {
        static Reply empty(int status) {
            return new Reply(status, Map.of(), null, null);
        }
    }

    static final String JSON = "application/json;charset=utf-8";

    /** {@code Set}, {@code Set(key)}, {@code Set(key)/Segment}; the key is kept raw and parsed per set kind. */
    private static final Pattern RESOURCE = Pattern.compile("^([^(/]+)(?:\\((.*?)\\))?(?:/(.*))?$");
    private static final Pattern GUID_KEY = Pattern.compile("^(?:Ref_Key\\s*=\\s*)?guid'([^']*)'$");
    private static final Pattern ROW_KEY = Pattern.compile(
            "^Ref_Key\\s*=\\s*guid'([^']*)'\\s*,\\s*LineNumber\\s*=\\s*(\\d+)L?$");
    private static final DateTimeFormatter OUTPUT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ObjectMapper mapper = new ObjectMapper();
    private final MetadataCatalog metadata;
    private final OneCStore store;
    private final EntityBinder binder;
    private final RegisterTables registers;
    private final Supplier<String> serviceRoot;

    /** @param serviceRoot e.g. "http://127.0.0.1:8080/sandbox/odata/standard.odata" (known only once listening) */
    ODataService(MetadataCatalog metadata, OneCStore store, EntityBinder binder, RegisterTables registers,
                 Supplier<String> serviceRoot) {
        this.metadata = metadata;
        this.store = store;
        this.binder = binder;
        this.registers = registers;
        this.serviceRoot = serviceRoot;
    }

    /**
     * @param method   HTTP method
     * @param resource the decoded path after "…/standard.odata/", e.g. "Document_ЗаказКлиента(guid'…')/Post"
     * @param query    query options, decoded
     * @param json     whether the client asked for JSON ($format=json or Accept)
     * @param body     the raw request body (may be empty)
     */
    Reply handle(String method, String resource, Map<String, String> query, boolean json, byte[] body) {
        if (resource.isEmpty() || resource.equals("/")) {
            requireGet(method);
            requireJson(json);
            return serviceDocument();
        }
        if (resource.equals("$metadata")) {
            requireGet(method);
            return new Reply(200, Map.of(), EdmxWriter.write(metadata).getBytes(StandardCharsets.UTF_8),
                    "application/xml;charset=utf-8");
        }
        Matcher matcher = RESOURCE.matcher(resource);
        if (!matcher.matches()) {
            throw ODataErrors.segmentNotFound(resource);
        }
        String setName = matcher.group(1);
        String key = matcher.group(2);
        String segment = matcher.group(3);
        if (setName.startsWith("AccumulationRegister_") || setName.startsWith("InformationRegister_")) {
            return register(method, setName, key, segment, query, json);
        }
        EntitySet set = metadata.entitySet(setName).orElseThrow(() -> ODataErrors.entityTypeNotFound(setName));

        if (segment != null && !segment.isEmpty()) {
            return action(method, set, key, segment);
        }
        if (key == null) {
            return switch (method) {
                case "GET" -> {
                    requireJson(json);
                    yield collection(set, query);
                }
                case "POST" -> {
                    if (set.isTabularSection()) {
                        throw ODataErrors.rowsCannotBeCreated();
                    }
                    requireJson(json);
                    yield create(set, body);
                }
                default -> throw ODataErrors.methodNotAllowed(method);
            };
        }
        if (set.isTabularSection()) {
            if (!method.equals("GET")) {
                throw ODataErrors.methodNotAllowed(method);
            }
            requireJson(json);
            return row(set, key, query);
        }
        String ref = parseKey(key);
        return switch (method) {
            case "GET" -> {
                requireJson(json);
                yield element(set, store.get(set, ref).orElseThrow(ODataErrors::entityNotFound), query, 200, Map.of());
            }
            case "PATCH", "MERGE" -> {
                requireJson(json);
                yield update(set, ref, body, false);
            }
            case "PUT" -> {
                requireJson(json);
                yield update(set, ref, body, true);
            }
            case "DELETE" -> {
                if (!store.delete(set, ref)) {
                    throw ODataErrors.entityNotFound();
                }
                yield Reply.empty(204);
            }
            default -> throw ODataErrors.methodNotAllowed(method);
        };
    }

    // ---- registers -------------------------------------------------------------------------------------------------

    /**
     * {@code AccumulationRegister_X/Balance(…)}, {@code InformationRegister_X[_RecordType]/SliceLast(…)}: an unknown
     * register, or a virtual table the register does not have, is 400 code 6 like a real base. The records of an
     * independent non-periodic information register ({@code InformationRegister_ШтрихкодыНоменклатуры}) are served as a
     * collection ($filter, $top, $skip, $select over its fields); other record sets are not emulated (501).
     */
    private Reply register(String method, String name, String key, String segment, Map<String, String> query,
                           boolean json) {
        Register register = metadata.register(name)
                .or(() -> name.endsWith("_RecordType")
                        ? metadata.register(name.substring(0, name.length() - "_RecordType".length()))
                                .filter(Register::isRecorderSubordinate)
                        : Optional.empty())
                .orElseThrow(() -> ODataErrors.segmentNotFound(name));
        boolean recordSet = (segment == null || segment.isEmpty()) && key == null;
        if (recordSet && register.kind() == Register.Kind.INFORMATION && !register.isPeriodic()
                && !register.isRecorderSubordinate() && !name.endsWith("_RecordType")) {
            // the records of an independent non-periodic register (the barcode register): one row per key
            requireGet(method);
            requireJson(json);
            return registerRows(register, "SliceLast", null, null, query,
                    serviceRoot.get() + "/$metadata#" + register.name());
        }
        if (segment == null || segment.isEmpty() || key != null) {
            throw new ODataException(501, "0", "Возможность не поддерживается: эмулятор отдаёт у регистров только "
                    + "виртуальные таблицы (" + name + "/Balance, …/SliceLast) и записи независимых непериодических "
                    + "регистров сведений, не наборы записей");
        }
        requireGet(method);
        requireJson(json);
        VirtualTableRequest request = VirtualTableRequest.parse(segment, query);
        if (!register.virtualTables().contains(request.table)) {
            throw ODataErrors.segmentNotFound(request.table);
        }
        return registerRows(register, request.table, request.period, request.condition, query,
                serviceRoot.get() + "/$metadata#Collection(StandardODATA." + register.name() + "_" + request.table + ")");
    }

    private Reply registerRows(Register register, String table, String period, String condition,
                               Map<String, String> query, String metadataUrl) {
        String orderBy = query.get("$orderby");
        if (orderBy != null && !orderBy.isBlank()) {
            throw ODataErrors.queryOption("$orderby=" + orderBy + ": эмулятор отдаёт виртуальные таблицы "
                    + "в порядке измерений, без $orderby");
        }
        String inlineCount = query.get("$inlinecount");
        boolean count = "allpages".equalsIgnoreCase(inlineCount);
        if (inlineCount != null && !count && !inlineCount.equalsIgnoreCase("none")) {
            throw ODataErrors.queryOption("$inlinecount=" + inlineCount);
        }
        List<String> select = null;
        String selectOption = query.get("$select");
        if (selectOption != null && !selectOption.isBlank()) {
            select = new ArrayList<>();
            for (String item : selectOption.split(",")) {
                if (item.strip().equals("*")) {
                    select = null;
                    break;
                }
                select.add(item.strip());
            }
        }
        RegisterTables.Page page = registers.table(register).read(new RegisterTables.Query(table, period, condition,
                query.get("$filter"), nonNegative(query, "$skip", 0), nonNegative(query, "$top", Integer.MAX_VALUE),
                select, count));
        return new Reply(200, new LinkedHashMap<>(), RegisterTables.write(page, metadataUrl), JSON);
    }

    // ---- reads -----------------------------------------------------------------------------------------------------

    private Reply serviceDocument() {
        ObjectNode root = mapper.createObjectNode();
        root.put("odata.metadata", serviceRoot.get() + "/$metadata");
        ArrayNode value = root.putArray("value");
        for (EntitySet set : metadata.entitySets()) {
            value.addObject().put("name", set.name()).put("url", set.name());
        }
        return json(200, root, Map.of());
    }

    private Reply collection(EntitySet set, Map<String, String> query) {
        String filter = query.get("$filter");
        Predicate<ObjectNode> predicate = filter != null && !filter.isBlank() ? ODataFilter.compile(filter, set)
                : o -> true;
        List<ObjectNode> objects = new ArrayList<>(store.list(set, predicate));
        String orderBy = query.get("$orderby");
        if (orderBy != null && !orderBy.isBlank()) {
            objects.sort(comparator(set, orderBy));
        }
        int count = objects.size();
        int skip = nonNegative(query, "$skip", 0);
        int top = nonNegative(query, "$top", Integer.MAX_VALUE);
        List<String> select = select(set, query.get("$select"));

        ObjectNode root = mapper.createObjectNode();
        root.put("odata.metadata", serviceRoot.get() + "/$metadata#" + set.name());
        String inlineCount = query.get("$inlinecount");
        if ("allpages".equalsIgnoreCase(inlineCount)) {
            root.put("odata.count", Integer.toString(count)); // a string, like every 1C Int64
        } else if (inlineCount != null && !inlineCount.equalsIgnoreCase("none")) {
            throw ODataErrors.queryOption("$inlinecount=" + inlineCount);
        }
        ArrayNode value = root.putArray("value");
        objects.stream().skip(skip).limit(top).forEach(o -> value.add(project(o, select)));
        return json(200, root, Map.of());
    }

    private Reply row(EntitySet rowsSet, String key, Map<String, String> query) {
        Matcher matcher = ROW_KEY.matcher(key.strip());
        if (!matcher.matches()) {
            throw ODataErrors.queryOption("ключ строки табличной части: (Ref_Key=guid'…',LineNumber=N)");
        }
        String ref = matcher.group(1).toLowerCase(Locale.ROOT);
        String line = matcher.group(2);
        ObjectNode row = store.list(rowsSet).stream()
                .filter(r -> r.path("Ref_Key").asText().equals(ref) && r.path("LineNumber").asText().equals(line))
                .findFirst().orElseThrow(ODataErrors::entityNotFound);
        return element(rowsSet, row, query, 200, Map.of());
    }

    private Reply element(EntitySet set, ObjectNode object, Map<String, String> query, int status,
                          Map<String, String> headers) {
        List<String> select = select(set, query.get("$select"));
        ObjectNode root = mapper.createObjectNode();
        root.put("odata.metadata", serviceRoot.get() + "/$metadata#" + set.name() + "/@Element");
        root.setAll(project(object, select));
        return json(status, root, headers);
    }

    /** $select: null = everything; "Товары/Номенклатура_Key" selects the section "Товары". */
    private static List<String> select(EntitySet set, String select) {
        if (select == null || select.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String item : select.split(",")) {
            String name = item.strip();
            if (name.equals("*")) {
                return null;
            }
            String head = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
            if (!set.hasMember(head)) {
                throw ODataErrors.segmentNotFound(head);
            }
            names.add(head);
        }
        return names;
    }

    private static ObjectNode project(ObjectNode object, List<String> select) {
        if (select == null) {
            return object;
        }
        ObjectNode projected = object.objectNode();
        object.properties().forEach(e -> {
            if (select.contains(e.getKey())) {
                projected.set(e.getKey(), e.getValue());
            }
        });
        return projected;
    }

    private static Comparator<ObjectNode> comparator(EntitySet set, String orderBy) {
        Comparator<ObjectNode> result = null;
        for (String item : orderBy.split(",")) {
            String[] parts = item.strip().split("\\s+");
            String name = parts[0];
            if (!set.property(name).isPresent()) {
                throw ODataErrors.segmentNotFound(name);
            }
            boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
            if (parts.length > 2 || (parts.length == 2 && !descending && !parts[1].equalsIgnoreCase("asc"))) {
                throw ODataErrors.queryOption("$orderby=" + orderBy);
            }
            Function<ObjectNode, JsonNode> field = o -> o.path(name);
            Comparator<ObjectNode> one = Comparator.comparing(field, ODataService::compareValues);
            if (descending) {
                one = one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }

    private static int compareValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isTextual() && b.isTextual() && a.asText().matches("-?\\d+") && b.asText().matches("-?\\d+")) {
            return Long.compare(Long.parseLong(a.asText()), Long.parseLong(b.asText())); // Int64 as strings
        }
        return a.asText().compareTo(b.asText());
    }

    private static int nonNegative(Map<String, String> query, String option, int fallback) {
        String value = query.get(option);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 0) {
                throw ODataErrors.queryOption(option + "=" + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ODataErrors.queryOption(option + "=" + value);
        }
    }

    // ---- writes ----------------------------------------------------------------------------------------------------

    private Reply create(EntitySet set, byte[] body) {
        JsonNode request = parseBody(body);
        String ref = UUID.randomUUID().toString();
        JsonNode requestedRef = request.get("Ref_Key");
        if (requestedRef != null && requestedRef.isTextual() && !requestedRef.asText().isEmpty()) {
            // 1C lets a client choose the reference of a new object (УстановитьСсылкуНового); exchanges rely on it
            if (!EntityBinder.GUID.matcher(requestedRef.asText()).matches()) {
                throw ODataErrors.cannotParse(requestedRef.asText(), "Edm.Guid");
            }
            ref = requestedRef.asText().toLowerCase(Locale.ROOT);
            if (store.contains(set, ref)) {
                throw ODataErrors.alreadyExists();
            }
        }
        ObjectNode object = binder.defaults(set, ref);
        binder.apply(set, object, request);
        fillAutomaticFields(set, object);
        ObjectNode stored = store.insert(set, object);
        String location = serviceRoot.get() + "/" + set.name() + "(guid'" + ref + "')";
        return element(set, stored, Map.of(), 201, Map.of("Location", location));
    }

    /** Number/Code are assigned on write when empty; a document written without a date gets the current one. */
    private void fillAutomaticFields(EntitySet set, ObjectNode object) {
        if (set.isDocument()) {
            if (object.path("Number").asText().isEmpty()) {
                object.put("Number", store.nextNumber(set, "Number"));
            }
            if (object.path("Date").asText().equals(Property.EMPTY_DATE)) {
                object.put("Date", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(OUTPUT_DATE));
            }
        } else if (set.isCatalog() && set.property("Code").isPresent() && object.path("Code").asText().isEmpty()) {
            object.put("Code", store.nextNumber(set, "Code"));
        }
    }

    private Reply update(EntitySet set, String ref, byte[] body, boolean replace) {
        JsonNode request = parseBody(body);
        ObjectNode updated = store.update(set, ref, object -> {
            if (replace) {
                // PUT replaces the object: everything not in the body goes back to its empty value
                ObjectNode fresh = binder.defaults(set, ref);
                for (String kept : List.of("Number", "Code", "Posted", "Predefined", "PredefinedDataName", "DataVersion")) {
                    if (object.has(kept)) {
                        fresh.set(kept, object.get(kept));
                    }
                }
                object.removeAll();
                object.setAll(fresh);
            }
            binder.apply(set, object, request);
        }).orElseThrow(ODataErrors::entityNotFound);
        return element(set, updated, Map.of(), 200, Map.of());
    }

    private Reply action(String method, EntitySet set, String key, String segment) {
        String name = segment.endsWith("()") ? segment.substring(0, segment.length() - 2) : segment;
        if (!name.equals("Post") && !name.equals("Unpost")) {
            throw ODataErrors.segmentNotFound(segment);
        }
        if (!set.isDocument()) {
            throw ODataErrors.methodNotFound(name);
        }
        if (!method.equals("POST")) {
            throw ODataErrors.methodNotAllowed(method);
        }
        if (key == null) {
            throw new ODataException(400, "7", "Не хватает элемента ключа сущности: Ref_Key");
        }
        String ref = parseKey(key);
        boolean post = name.equals("Post");
        store.update(set, ref, document -> {
            if (post && document.path("DeletionMark").asBoolean()) {
                throw ODataErrors.internal("Ошибка при вызове метода контекста (Записать): Невозможно провести "
                        + "помеченный на удаление документ!");
            }
            document.put("Posted", post);
        }).orElseThrow(ODataErrors::entityNotFound);
        // the real status of a successful Post is unverified (200 or 204); 200 with an empty body is what the
        // emulator answers, and clients must accept any 2xx
        return Reply.empty(200);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String parseKey(String key) {
        Matcher matcher = GUID_KEY.matcher(key.strip());
        if (!matcher.matches()) {
            throw new ODataException(400, "7", "Не хватает элемента ключа сущности или ключ неверен: (" + key
                    + "); ожидается (guid'…')");
        }
        String ref = matcher.group(1);
        if (!EntityBinder.GUID.matcher(ref).matches()) {
            throw ODataErrors.cannotParse(ref, "Edm.Guid");
        }
        return ref.toLowerCase(Locale.ROOT);
    }

    private JsonNode parseBody(byte[] body) {
        if (body == null || body.length == 0) {
            throw ODataErrors.internal("Непредвиденный символ при чтении JSON: пустое тело запроса");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ODataErrors.internal("Непредвиденный символ при чтении JSON (строка "
                    + e.getLocation().getLineNr() + ", позиция " + e.getLocation().getColumnNr() + ")");
        } catch (java.io.IOException e) {
            throw ODataErrors.internal(ODataErrors.INTERNAL_ERROR_TEXT);
        }
    }

    private static void requireGet(String method) {
        if (!method.equals("GET")) {
            throw ODataErrors.methodNotAllowed(method);
        }
    }

    private static void requireJson(boolean json) {
        if (!json) {
            throw ODataErrors.representationNotSupported();
        }
    }

    private Reply json(int status, ObjectNode body, Map<String, String> headers) {
        try {
            return new Reply(status, new LinkedHashMap<>(headers), mapper.writeValueAsBytes(body), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<EntitySet> entitySet(String name) {
        return metadata.entitySet(name);
    }
}
