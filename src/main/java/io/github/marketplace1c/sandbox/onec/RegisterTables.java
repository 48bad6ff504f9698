package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The emulated base's register data, in memory, and the virtual tables over it: {@code Balance} of a balance
 * accumulation register (current balances per dimension combination; combinations whose resources are all zero are
 * not returned) and {@code SliceLast}/{@code SliceFirst} of a periodic information register (per dimension
 * combination the latest record at or before {@code Period} / the earliest at or after it).
 *
 * <p>Built for large reads: rows are kept in one list sorted by the dimensions once per change (the stable order of
 * {@code $skip}), an index per dimension column is built on first use, and the positions matching a
 * (Period, Condition, $filter) are cached, so paging through 200,000 rows with {@code $top}/{@code $skip} costs each
 * page its own rows only. Without Condition/$filter a page is taken by index directly.
 */
final class RegisterTables {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int CACHE_ENTRIES = 16;

    private final EntityBinder binder;
    private final Map<String, Table> tables = new HashMap<>();
    /** Text values shared by all registers' rows: an item's ref is one string however many rows name it. */
    private final Map<String, TextNode> texts = new HashMap<>();

    RegisterTables(EntityBinder binder) {
        this.binder = binder;
    }

    synchronized Table table(Register register) {
        return tables.computeIfAbsent(register.name(), n -> new Table(register));
    }

    /** What a virtual-table read asks for. Null means not given. */
    record Query(String virtualTable, String period, String condition, String filter, int skip, int top,
                 List<String> select, boolean count) {
    }

    /** One answer page: the column names to write, the rows, and the total count when asked for (else -1). */
    record Page(List<String> columns, List<JsonNode[]> rows, int[] columnIndexes, long count) {
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** One register's records and the sorted views its virtual tables read. All access is serialised on the table. */
    final class Table {
        private final Register register;
        /** Record columns: [Period,] dimensions..., resources... (Period only for periodic information registers). */
        private final List<Property> recordColumns = new ArrayList<>();
        private final Map<String, Integer> recordIndex = new HashMap<>();
        private final int firstDimension;
        private final int dimensionCount;
        private final JsonNode[] defaults;

        /**
         * Balance: dims key → record. Information register: dims key → records sorted by Period. In insertion order,
         * so that rows written already sorted (the bulk seed writes them so) make the view's sort a linear pass.
         */
        private final LinkedHashMap<DimensionKey, JsonNode[]> balances = new LinkedHashMap<>();
        private final LinkedHashMap<DimensionKey, List<JsonNode[]>> series = new LinkedHashMap<>();

        // sorted views and what depends on them; null = to rebuild
        private List<JsonNode[]> balanceView;
        private List<List<JsonNode[]>> seriesView;
        private String latestFirstPeriod;
        private String earliestLastPeriod;
        private final Map<String, Map<String, int[]>> indexes = new HashMap<>();
        private final LinkedHashMap<String, int[]> matchCache = new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
                return size() > CACHE_ENTRIES;
            }
        };
        private final Map<String, EntitySet> filterSets = new HashMap<>();

        Table(Register register) {
            this.register = register;
            if (register.isPeriodic()) {
                recordColumns.add(Property.of("Period", Property.Kind.DATETIME));
            }
            firstDimension = recordColumns.size();
            recordColumns.addAll(register.dimensions());
            dimensionCount = register.dimensions().size();
            recordColumns.addAll(register.resources());
            for (int i = 0; i < recordColumns.size(); i++) {
                recordIndex.put(recordColumns.get(i).name(), i);
            }
            defaults = new JsonNode[recordColumns.size()];
            for (int i = 0; i < defaults.length; i++) {
                defaults[i] = intern(binder.defaultValue(recordColumns.get(i)));
            }
        }

        Register register() {
            return register;
        }

        /** A new record of this register, every field at its empty value; set fields by OData name. */
        RecordBuilder record() {
            return new RecordBuilder(this, defaults.clone());
        }

        // ---- writes -------------------------------------------------------------------------------------------

        /** Replaces the balance of the record's dimension combination (accumulation registers). */
        synchronized void putBalance(JsonNode[] cells) {
            putBalances(List.<JsonNode[]>of(cells));
        }

        /** Many balances at once (one invalidation of the sorted view: the bulk seed). */
        synchronized void putBalances(List<JsonNode[]> records) {
            if (register.kind() != Register.Kind.ACCUMULATION) {
                throw new IllegalArgumentException(register.name() + " is not an accumulation register");
            }
            for (JsonNode[] cells : records) {
                balances.put(key(cells), cells);
            }
            invalidate();
        }

        /** Adds (or replaces, same Period and dimensions) a record of an information register. */
        synchronized void putRecord(JsonNode[] cells) {
            putRecords(List.<JsonNode[]>of(cells));
        }

        /** Many records at once (one invalidation of the sorted view: the bulk seed). */
        synchronized void putRecords(List<JsonNode[]> records) {
            if (register.kind() != Register.Kind.INFORMATION) {
                throw new IllegalArgumentException(register.name() + " is not an information register");
            }
            for (JsonNode[] cells : records) {
                addRecord(cells);
            }
            invalidate();
        }

        /** Sorts the views now rather than on the first read (a bulk seed pays for it, not the first page). */
        synchronized void prepare() {
            rebuild();
        }

        private void addRecord(JsonNode[] cells) {
            List<JsonNode[]> records = series.computeIfAbsent(key(cells), k -> new ArrayList<>(1));
            String period = register.isPeriodic() ? cells[0].asText() : "";
            int at = 0;
            while (at < records.size() && records.get(at)[0].asText().compareTo(period) < 0) {
                at++;
            }
            if (register.isPeriodic() && at < records.size() && records.get(at)[0].asText().equals(period)) {
                records.set(at, cells);
            } else if (!register.isPeriodic()) {
                records.clear();
                records.add(cells);
            } else {
                records.add(at, cells);
            }
        }

        synchronized void clear() {
            balances.clear();
            series.clear();
            invalidate();
        }

        synchronized int size() {
            return register.kind() == Register.Kind.ACCUMULATION ? balances.size() : series.size();
        }

        private void invalidate() {
            balanceView = null;
            seriesView = null;
            indexes.clear();
            matchCache.clear();
        }

        private DimensionKey key(JsonNode[] cells) {
            return new DimensionKey(cells, firstDimension, firstDimension + dimensionCount);
        }

        private int compareDimensions(JsonNode[] a, JsonNode[] b) {
            for (int i = firstDimension; i < firstDimension + dimensionCount; i++) {
                if (a[i] != b[i]) { // interned texts: the same node is the same value
                    int order = a[i].asText().compareTo(b[i].asText());
                    if (order != 0) {
                        return order;
                    }
                }
            }
            return 0;
        }

        TextNode intern(String text) {
            synchronized (texts) {
                return texts.computeIfAbsent(text, TextNode::valueOf);
            }
        }

        private JsonNode intern(JsonNode node) {
            return node instanceof TextNode text ? intern(text.asText()) : node;
        }

        // ---- sorted views ---------------------------------------------------------------------------------------

        private void rebuild() {
            if (register.kind() == Register.Kind.ACCUMULATION) {
                if (balanceView == null) {
                    List<JsonNode[]> view = new ArrayList<>(balances.size());
                    for (JsonNode[] cells : balances.values()) {
                        if (!allResourcesZero(cells)) {
                            view.add(cells);
                        }
                    }
                    view.sort(this::compareDimensions);
                    balanceView = view;
                }
                return;
            }
            if (seriesView == null) {
                List<List<JsonNode[]>> view = new ArrayList<>(series.values());
                view.sort((a, b) -> compareDimensions(a.get(0), b.get(0)));
                String latestFirst = "";
                String earliestLast = null;
                for (List<JsonNode[]> records : view) {
                    String first = records.get(0)[0].asText();
                    String last = records.get(records.size() - 1)[0].asText();
                    latestFirst = first.compareTo(latestFirst) > 0 ? first : latestFirst;
                    earliestLast = earliestLast == null || last.compareTo(earliestLast) < 0 ? last : earliestLast;
                }
                seriesView = view;
                latestFirstPeriod = latestFirst;
                earliestLastPeriod = earliestLast;
            }
        }

        private boolean allResourcesZero(JsonNode[] cells) {
            for (int i = firstDimension + dimensionCount; i < cells.length; i++) {
                JsonNode value = cells[i];
                if (value.isNumber() ? value.decimalValue().signum() != 0 : !value.asText().isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        private int viewSize() {
            return register.kind() == Register.Kind.ACCUMULATION ? balanceView.size() : seriesView.size();
        }

        /** The dimension cells of the view's row at that position (any record of a series: dims are shared). */
        private JsonNode[] dimensionsAt(int position) {
            return register.kind() == Register.Kind.ACCUMULATION ? balanceView.get(position)
                    : seriesView.get(position).get(0);
        }

        /** The row the virtual table shows at that position for that period, or null when it shows none. */
        private JsonNode[] rowAt(String table, int position, String period) {
            if (register.kind() == Register.Kind.ACCUMULATION) {
                return balanceView.get(position); // balances are current: Period does not move them
            }
            List<JsonNode[]> records = seriesView.get(position);
            if (period == null) {
                return table.equals("SliceLast") ? records.get(records.size() - 1) : records.get(0);
            }
            if (table.equals("SliceLast")) {
                for (int i = records.size() - 1; i >= 0; i--) {
                    if (records.get(i)[0].asText().compareTo(period) <= 0) {
                        return records.get(i);
                    }
                }
                return null;
            }
            for (JsonNode[] record : records) {
                if (record[0].asText().compareTo(period) >= 0) {
                    return record;
                }
            }
            return null;
        }

        /** Whether every position of the view shows a row for that period (then $skip is a plain index). */
        private boolean everyPositionShows(String table, String period) {
            if (register.kind() == Register.Kind.ACCUMULATION || period == null || seriesView.isEmpty()) {
                return true;
            }
            return table.equals("SliceLast") ? period.compareTo(latestFirstPeriod) >= 0
                    : period.compareTo(earliestLastPeriod) <= 0;
        }

        private int[] index(String column, String value) {
            Map<String, int[]> byValue = indexes.computeIfAbsent(column, c -> {
                int at = recordIndex.get(c);
                Map<String, List<Integer>> lists = new HashMap<>();
                for (int i = 0; i < viewSize(); i++) {
                    lists.computeIfAbsent(dimensionsAt(i)[at].asText(), v -> new ArrayList<>()).add(i);
                }
                Map<String, int[]> built = new HashMap<>(lists.size() * 2);
                lists.forEach((v, positions) -> built.put(v, positions.stream().mapToInt(Integer::intValue).toArray()));
                return built;
            });
            return byValue.getOrDefault(value, new int[0]);
        }

        // ---- reads ---------------------------------------------------------------------------------------------

        /** The output column names of a virtual table: Balance renames resources R → RBalance. */
        List<String> outputColumns(String table) {
            List<String> names = new ArrayList<>(recordColumns.size());
            for (int i = 0; i < recordColumns.size(); i++) {
                boolean resource = i >= firstDimension + dimensionCount;
                names.add(recordColumns.get(i).name() + (resource && table.equals("Balance") ? "Balance" : ""));
            }
            return names;
        }

        synchronized Page read(Query query) {
            rebuild();
            String table = query.virtualTable();
            List<String> outputs = outputColumns(table);
            int[] columnIndexes = selectedColumns(outputs, query.select());
            Predicate<ODataFilter.Fields> condition = null;
            ODataFilter.Constraint constraint = null;
            if (query.condition() != null && !query.condition().isBlank()) {
                ODataFilter.Compiled compiled = ODataFilter.compile(query.condition(), conditionSet(table), "Condition");
                condition = compiled.predicate();
                constraint = compiled.constraint();
            }
            Predicate<ODataFilter.Fields> filter = null;
            if (query.filter() != null && !query.filter().isBlank()) {
                ODataFilter.Compiled compiled = ODataFilter.compile(query.filter(), filterSet(table, outputs), "$filter");
                filter = compiled.predicate();
                if (constraint == null) {
                    constraint = compiled.constraint();
                }
            }

            List<JsonNode[]> rows = new ArrayList<>();
            long count;
            int skip = query.skip();
            int top = query.top();
            if (condition == null && filter == null && everyPositionShows(table, query.period())) {
                int size = viewSize();
                count = size;
                for (int i = skip; i < size && rows.size() < top; i++) {
                    rows.add(rowAt(table, i, query.period()));
                }
            } else {
                String cacheKey = table + '\u0000' + query.period() + '\u0000' + query.condition() + '\u0000'
                        + query.filter();
                int[] matches = matchCache.get(cacheKey);
                if (matches == null) {
                    matches = matches(table, query.period(), condition, filter, constraint, outputs);
                    matchCache.put(cacheKey, matches);
                }
                count = matches.length;
                for (int i = skip; i < matches.length && rows.size() < top; i++) {
                    rows.add(rowAt(table, matches[i], query.period()));
                }
            }
            List<String> columns = new ArrayList<>(columnIndexes.length);
            for (int index : columnIndexes) {
                columns.add(outputs.get(index));
            }
            return new Page(columns, rows, columnIndexes, query.count() ? count : -1);
        }

        private int[] matches(String table, String period, Predicate<ODataFilter.Fields> condition,
                              Predicate<ODataFilter.Fields> filter, ODataFilter.Constraint constraint,
                              List<String> outputs) {
            int[] candidates = null;
            if (constraint != null && recordIndex.containsKey(constraint.property())
                    && isDimension(constraint.property())) {
                candidates = candidates(constraint.property(), constraint.values());
            }
            Map<String, Integer> outputIndex = new HashMap<>();
            for (int i = 0; i < outputs.size(); i++) {
                outputIndex.put(outputs.get(i), i);
            }
            int total = candidates == null ? viewSize() : candidates.length;
            int[] result = new int[total];
            int found = 0;
            JsonNode[][] current = new JsonNode[1][];
            ODataFilter.Fields fields = name -> {
                Integer at = outputIndex.get(name);
                return at == null ? null : current[0][at];
            };
            for (int i = 0; i < total; i++) {
                int position = candidates == null ? i : candidates[i];
                JsonNode[] row = rowAt(table, position, period);
                if (row == null) {
                    continue;
                }
                current[0] = row;
                if ((condition == null || condition.test(fields)) && (filter == null || filter.test(fields))) {
                    result[found++] = position;
                }
            }
            return Arrays.copyOf(result, found);
        }

        private boolean isDimension(String column) {
            int at = recordIndex.get(column);
            return at >= firstDimension && at < firstDimension + dimensionCount;
        }

        /** Positions (ascending) whose dimension {@code column} is one of {@code values}, from the index. */
        private int[] candidates(String column, Set<String> values) {
            if (values.size() == 1) {
                return index(column, values.iterator().next());
            }
            return values.stream().flatMapToInt(v -> Arrays.stream(index(column, v))).distinct().sorted().toArray();
        }

        private int[] selectedColumns(List<String> outputs, List<String> select) {
            if (select == null) {
                int[] all = new int[outputs.size()];
                for (int i = 0; i < all.length; i++) {
                    all[i] = i;
                }
                return all;
            }
            List<Integer> chosen = new ArrayList<>();
            for (String name : select) {
                int at = outputs.indexOf(name);
                if (at < 0) {
                    throw ODataErrors.segmentNotFound(name);
                }
                if (!chosen.contains(at)) {
                    chosen.add(at);
                }
            }
            chosen.sort(Integer::compare); // a real base lists selected properties in the type's order
            return chosen.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Condition speaks of the register's dimensions only (as in the 1C query language's virtual tables). */
        private EntitySet conditionSet(String table) {
            return filterSets.computeIfAbsent("Condition:" + table, k -> {
                EntitySet set = new EntitySet(register.name() + "_" + table, EntitySet.Kind.VIRTUAL_TABLE,
                        register.metadataName(), register.synonym(), null, null, 0);
                register.dimensions().forEach(set::add);
                return set;
            });
        }

        /** $filter speaks of the virtual table's output columns. */
        private EntitySet filterSet(String table, List<String> outputs) {
            return filterSets.computeIfAbsent("$filter:" + table, k -> {
                EntitySet set = new EntitySet(register.name() + "_" + table, EntitySet.Kind.VIRTUAL_TABLE,
                        register.metadataName(), register.synonym(), null, null, 0);
                for (int i = 0; i < outputs.size(); i++) {
                    Property p = recordColumns.get(i);
                    set.add(new Property(outputs.get(i), p.kind(), p.maxLength(), p.enumName(), p.compositeTypes(),
                            p.partner(), true));
                }
                return set;
            });
        }
    }

    /** The dimension values of a record as a hash key: no string built per record (the cells are interned). */
    private static final class DimensionKey {
        private final JsonNode[] cells;
        private final int from;
        private final int to;
        private final int hash;

        DimensionKey(JsonNode[] cells, int from, int to) {
            this.cells = cells;
            this.from = from;
            this.to = to;
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + cells[i].hashCode();
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof DimensionKey key) || key.hash != hash) {
                return false;
            }
            for (int i = from, j = key.from; i < to; i++, j++) {
                if (cells[i] != key.cells[j] && !cells[i].equals(key.cells[j])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Fills one record by OData field name; unknown names are a programming error (IllegalArgumentException). */
    static final class RecordBuilder {
        private final Table table;
        private final JsonNode[] cells;

        private RecordBuilder(Table table, JsonNode[] cells) {
            this.table = table;
            this.cells = cells;
        }

        RecordBuilder set(String name, Object value) {
            Integer at = table.recordIndex.get(name);
            if (at == null) {
                throw new IllegalArgumentException(table.register.name() + " has no field " + name
                        + "; fields: " + table.recordIndex.keySet());
            }
            Property property = table.recordColumns.get(at);
            cells[at] = value == null ? table.defaults[at] : node(property, value);
            return this;
        }

        /** Sets the field only if the register has it (seeds shared between configurations). */
        RecordBuilder setIfPresent(String name, Object value) {
            return table.recordIndex.containsKey(name) ? set(name, value) : this;
        }

        boolean has(String name) {
            return table.recordIndex.containsKey(name);
        }

        private JsonNode node(Property property, Object value) {
            if (value instanceof JsonNode node) {
                return table.intern(node);
            }
            if (value instanceof Boolean flag) {
                return BooleanNode.valueOf(flag);
            }
            if (value instanceof Integer whole) {
                return whole >= 0 && whole < SMALL_INTS.length ? SMALL_INTS[whole] : IntNode.valueOf(whole);
            }
            if (value instanceof Number number) {
                return number(number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString()));
            }
            String text = value.toString();
            if (property.kind() == Property.Kind.GUID) {
                text = text.toLowerCase(Locale.ROOT);
            }
            return table.intern(text);
        }

        /** The filled record, for {@link Table#putBalances} / {@link Table#putRecords}. */
        JsonNode[] cells() {
            return cells;
        }

        void putBalance() {
            table.putBalance(cells);
        }

        void putRecord() {
            table.putRecord(cells);
        }
    }

    private static final IntNode[] SMALL_INTS = new IntNode[1024];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) {
            SMALL_INTS[i] = IntNode.valueOf(i);
        }
    }

    /** A number as 1C writes it in JSON: an integer without a fraction, a fraction without trailing zeros. */
    static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            long whole = stripped.longValueExact();
            if (whole >= 0 && whole < SMALL_INTS.length) {
                return SMALL_INTS[(int) whole];
            }
            return whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE ? IntNode.valueOf((int) whole)
                    : LongNode.valueOf(whole);
        }
        return DecimalNode.valueOf(stripped);
    }

    /** The page as {@code {"odata.metadata":…,["odata.count":"N",]"value":[…]}}, written straight to bytes. */
    static byte[] write(Page page, String metadataUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, page.rows().size() * 256));
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("odata.metadata", metadataUrl);
            if (page.count() >= 0) {
                json.writeStringField("odata.count", Long.toString(page.count())); // a string, like every 1C Int64
            }
            json.writeArrayFieldStart("value");
            int[] indexes = page.columnIndexes();
            List<String> names = page.columns();
            for (JsonNode[] row : page.rows()) {
                json.writeStartObject();
                for (int i = 0; i < indexes.length; i++) {
                    json.writeFieldName(names.get(i));
                    JsonNode value = row[indexes[i]];
                    if (value.isTextual()) {
                        json.writeString(value.textValue());
                    } else if (value.isBoolean()) {
                        json.writeBoolean(value.booleanValue());
                    } else if (value.isIntegralNumber()) {
                        json.writeNumber(value.longValue());
                    } else if (value.isNumber()) {
                        json.writeNumber(value.decimalValue());
                    } else {
                        json.writeNull();
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
