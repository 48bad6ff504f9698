package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PUT /api/v3/stocks/{warehouseId}} on {@code marketplace-api}, as 02-items.yaml describes it. The request is
 * checked whole first (a 400 applies nothing); then each row on its own: rows WB refuses come back in a 409 array,
 * grouped by error code, and every other row of the same request is applied (the 409 is "Ошибка обновления
 * остатков" with the refused rows in {@code data}, so the rest went through). Two passes, O(rows).
 */
final class StockEndpoints {

    static final int MAX_ROWS = 1000;
    static final int MAX_AMOUNT = 100_000;
    static final String NOT_FOUND = "NotFound";
    static final String UPLOAD_DATA_LIMIT = "UploadDataLimit";

    private final WildberriesStocks stocks;
    private final Clock clock;

    StockEndpoints(WildberriesStocks stocks, Clock clock) {
        this.stocks = stocks;
        this.clock = clock;
    }

    private static final class Refused {
        final String message;
        final ArrayNode data = WildberriesJson.MAPPER.createArrayNode();

        Refused(String message) {
            this.message = message;
        }
    }

    /**
     * 204 (no body) when every row was applied; 409 with {@code [{"code","message","data":[{"chrtId","amount"}]}]}
     * when some were refused (the others applied). Rows whose keys are misspelt (no {@code chrtId} or no
     * {@code amount}) are skipped silently, as WB does ("Названия параметров запроса не валидируются"); a row
     * with a {@code sku} key fails the request with 400 SKUUploadDisabled (the spec's example).
     */
    WildberriesEmulator.Answer update(String token, String warehouseIdText, String body) {
        long warehouseId;
        try {
            warehouseId = Long.parseLong(warehouseIdText);
        } catch (NumberFormatException e) {
            throw WildberriesApiException.incorrectParameter("Передан некорректный параметр: warehouseId");
        }
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : WildberriesJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw WildberriesApiException.incorrectRequestBody("Incorrect required body: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject() || !request.path("stocks").isArray()) {
            throw WildberriesApiException.incorrectRequestBody(
                    "Incorrect required body: ожидается {\"stocks\":[{\"chrtId\":…,\"amount\":…}]}");
        }
        JsonNode rows = request.get("stocks");
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw WildberriesApiException.incorrectRequestBody(
                    "Incorrect required body: stocks должен содержать от 1 до " + MAX_ROWS + " элементов");
        }
        if (!stocks.owns(token, warehouseId)) {
            throw WildberriesApiException.notFound("Склад " + warehouseId + " не найден");
        }
        // first the whole request's checks, so that a 400 neither applies a row nor uses up an armed rejection
        int n = rows.size();
        long[] ids = new long[n];
        long[] values = new long[n];
        int sent = 0;
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw WildberriesApiException.incorrectRequestBody("Incorrect required body: элемент stocks не объект");
            }
            if (row.has("sku")) {
                throw WildberriesApiException.badRequest("SKUUploadDisabled",
                        "Uploading stock is not allowed by 'sku'. Please use the 'chrtId' key");
            }
            JsonNode chrtId = row.get("chrtId");
            JsonNode amount = row.get("amount");
            if (chrtId == null || amount == null) {
                continue; // a misspelt key: not validated, not applied
            }
            if (!chrtId.isIntegralNumber() || !chrtId.canConvertToLong() || chrtId.asLong() <= 0) {
                throw WildberriesApiException.incorrectRequestBody(
                        "Incorrect required body: chrtId должен быть целым положительным числом: " + chrtId);
            }
            if (!amount.isIntegralNumber() || !amount.canConvertToLong() || amount.asLong() < 0) {
                throw WildberriesApiException.incorrectRequestBody(
                        "Incorrect required body: amount должен быть целым неотрицательным числом: " + amount);
            }
            ids[sent] = chrtId.asLong();
            values[sent] = amount.asLong();
            sent++;
        }
        // then row by row: refused rows into the 409, the others applied in place
        int[] amounts = new int[sent];
        int accepted = 0;
        Map<String, Refused> refused = new LinkedHashMap<>();
        for (int i = 0; i < sent; i++) {
            long id = ids[i];
            long value = values[i];
            WildberriesStocks.Rejection armed = stocks.takeRejection(id);
            if (armed != null) {
                refuse(refused, armed.code(), armed.message(), id, value);
            } else if (!stocks.knows(id)) {
                refuse(refused, NOT_FOUND, "Not found", id, value);
            } else if (value > MAX_AMOUNT) {
                refuse(refused, UPLOAD_DATA_LIMIT, "Upload limit exceeded.", id, value);
            } else {
                ids[accepted] = id;
                amounts[accepted] = (int) value;
                accepted++;
            }
        }
        stocks.apply(warehouseId, ids, amounts, accepted, clock.instant());
        if (refused.isEmpty()) {
            return new WildberriesEmulator.Answer(204, null);
        }
        ArrayNode errors = WildberriesJson.MAPPER.createArrayNode();
        refused.forEach((code, r) -> {
            ObjectNode error = errors.addObject();
            error.put("code", code);
            error.put("message", r.message);
            error.set("data", r.data);
        });
        return new WildberriesEmulator.Answer(409, errors);
    }

    private static void refuse(Map<String, Refused> refused, String code, String message, long chrtId, long amount) {
        ObjectNode row = refused.computeIfAbsent(code, c -> new Refused(message)).data.addObject();
        row.put("chrtId", chrtId);
        row.put("amount", amount);
    }
}
