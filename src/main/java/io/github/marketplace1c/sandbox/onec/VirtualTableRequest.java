package io.github.marketplace1c.sandbox.onec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a register virtual-table call, in both forms a real base accepts (research notes §1.2):
 * parenthesised {@code Balance(Period=datetime'…',Condition='…')} and query-string
 * {@code Balance?Period=datetime'…'&Condition=…}. Inside the parenthesised {@code Condition='…'} a quote is written
 * doubled ({@code guid''…''}, the OData string escape); a condition whose literals are written with single quotes
 * ({@code Condition='Склад_Key eq guid'…''}) is accepted too, since how 1C clients quote it is not settled.
 */
final class VirtualTableRequest {

    private static final Pattern SEGMENT = Pattern.compile("^([A-Za-z]+)(?:\\((.*)\\))?$", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("(?:^|,)\\s*([A-Za-z]+)\\s*=");
    private static final Pattern DATETIME = Pattern.compile("^datetime'([^']*)'$", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter OUTPUT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    final String table;
    final String period;
    final String condition;

    private VirtualTableRequest(String table, String period, String condition) {
        this.table = table;
        this.period = period;
        this.condition = condition;
    }

    /** @param segment "Balance(Period=…,Condition='…')" or "SliceLast"; query: the decoded query options */
    static VirtualTableRequest parse(String segment, Map<String, String> query) {
        Matcher matcher = SEGMENT.matcher(segment.strip());
        if (!matcher.matches()) {
            throw ODataErrors.segmentNotFound(segment);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (matcher.group(2) != null) {
            parenthesised(matcher.group(2), parameters);
        }
        for (String name : List.of("Period", "Condition", "Dimensions")) {
            String value = query.get(name);
            if (value != null && !parameters.containsKey(name)) {
                parameters.put(name, name.equals("Condition") ? unwrapQueryCondition(value) : value);
            }
        }
        for (String name : parameters.keySet()) {
            if (!name.equals("Period") && !name.equals("Condition")) {
                throw ODataErrors.queryOption("параметр виртуальной таблицы " + name
                        + " не поддерживается эмулятором (поддерживаются Period и Condition)");
            }
        }
        String period = parameters.containsKey("Period") ? period(parameters.get("Period")) : null;
        String condition = parameters.get("Condition");
        return new VirtualTableRequest(matcher.group(1), period, condition == null || condition.isBlank() ? null : condition);
    }

    private static void parenthesised(String arguments, Map<String, String> into) {
        if (arguments.isBlank()) {
            return;
        }
        Matcher matcher = PARAMETER.matcher(arguments);
        List<int[]> bounds = new ArrayList<>(); // name start, name end, value start
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!List.of("Period", "Condition", "Dimensions", "StartPeriod", "EndPeriod").contains(name)) {
                continue; // "… eq guid'…',X=" cannot occur in a valid condition; other words are condition text
            }
            if (bounds.isEmpty() && matcher.start() != 0 && !arguments.substring(0, matcher.start()).isBlank()) {
                throw ODataErrors.queryOption("параметры виртуальной таблицы: (" + arguments + ")");
            }
            bounds.add(new int[] {matcher.start(), matcher.end()});
            names.add(name);
        }
        if (bounds.isEmpty()) {
            throw ODataErrors.queryOption("параметры виртуальной таблицы: (" + arguments + ")");
        }
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : arguments.length();
            String value = arguments.substring(bounds.get(i)[1], end).strip();
            String name = names.get(i);
            if (name.equals("Condition")) {
                if (value.length() < 2 || !value.startsWith("'") || !value.endsWith("'")) {
                    throw ODataErrors.queryOption("Condition должен быть строкой в кавычках: Condition='…'");
                }
                String inner = value.substring(1, value.length() - 1);
                value = inner.contains("''") ? inner.replace("''", "'") : inner;
            }
            into.put(name, value);
        }
    }

    /** The query-string Condition is the expression itself; a whole-quoted 'expression' is unwrapped as well. */
    private static String unwrapQueryCondition(String value) {
        String text = value.strip();
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            String inner = text.substring(1, text.length() - 1);
            if (inner.contains("''") && !inner.replace("''", "").contains("'")) {
                return inner.replace("''", "'");
            }
        }
        return text;
    }

    private static String period(String value) {
        String text = value.strip();
        Matcher matcher = DATETIME.matcher(text);
        if (matcher.matches()) {
            text = matcher.group(1);
        }
        try {
            return LocalDateTime.parse(text).format(OUTPUT_DATE);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().format(OUTPUT_DATE);
            } catch (DateTimeParseException again) {
                throw ODataErrors.cannotParse(value, "Edm.DateTime");
            }
        }
    }
}
