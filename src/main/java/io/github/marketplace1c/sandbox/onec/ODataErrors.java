package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The errors of the 1C standard OData interface, with the codes and texts of the platform (research notes §1.9),
 * and their two renderings: JSON {@code {"odata.error":{"code":"9","message":{"lang":"ru","value":"…"}}}} and the
 * Atom/XML form a real base uses when the client did not ask for JSON.
 */
public final class ODataErrors {

    /** The platform's text for an internal error (code -1) when no configuration code supplied one. */
    public static final String INTERNAL_ERROR_TEXT =
            "Произошла внутренняя ошибка OData сервиса. Дополнительные сведения можно найти в технологическом журнале.";
    public static final String LOCK_CONFLICT_TEXT = "Конфликт блокировок при выполнении транзакции:\n"
            + "Превышено максимальное время ожидания предоставления блокировки";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ODataErrors() {
    }

    public static ODataException internal(String text) {
        return new ODataException(500, "-1", text);
    }

    public static ODataException cannotParse(String value, String edmType) {
        return new ODataException(400, "1", "Не удалось разобрать строку '" + value + "' как значение типа " + edmType + "!");
    }

    public static ODataException badRequest(String text) {
        return new ODataException(400, "2", "Неверный формат запроса: " + text);
    }

    public static ODataException representationNotSupported() {
        return new ODataException(406, "3", "Запрошенный тип представления не поддерживается. "
                + "Эмулятор отвечает только в JSON: добавьте $format=json или заголовок Accept: application/json");
    }

    public static ODataException invalidValue(String text) {
        return new ODataException(400, "4", "Неверное значение свойства: " + text);
    }

    public static ODataException missingValue(String text) {
        return new ODataException(400, "5", "Отсутствует обязательное значение свойства: " + text);
    }

    public static ODataException segmentNotFound(String segment) {
        return new ODataException(400, "6", "Сегмент пути '" + segment + "' не найден!");
    }

    public static ODataException entityTypeNotFound(String name) {
        return new ODataException(404, "8", "Тип сущности '" + name + "' не найден");
    }

    public static ODataException entityNotFound() {
        return new ODataException(404, "9", "Экземпляр сущности не найден");
    }

    public static ODataException propertyNotFound(String property, String entitySet) {
        return new ODataException(400, "10", "Свойство '" + property + "' не найдено у " + entitySet
                + " (строгий режим эмулятора: реальная база молча проигнорировала бы его)");
    }

    public static ODataException methodNotFound(String method) {
        return new ODataException(400, "11", "Метод '" + method + "' не найден");
    }

    public static ODataException rowsCannotBeCreated() {
        return new ODataException(400, "13", "Создание строк табличных частей напрямую не поддерживается");
    }

    public static ODataException queryOption(String text) {
        return new ODataException(400, "14", "Ошибка разбора опций запроса: " + text);
    }

    public static ODataException alreadyExists() {
        return new ODataException(400, "15", "Сущность с таким ключом уже существует");
    }

    public static ODataException methodNotAllowed(String method) {
        return new ODataException(405, "19", "Использованный HTTP-метод " + method + " запрещен в данном контексте");
    }

    public static ObjectNode json(String code, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("odata.error");
        error.put("code", code);
        ObjectNode text = error.putObject("message");
        text.put("lang", "ru");
        text.put("value", message);
        return root;
    }

    public static String xml(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<error xmlns=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\">"
                + "<code>" + escape(code) + "</code><message xml:lang=\"ru\">" + escape(message) + "</message></error>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
