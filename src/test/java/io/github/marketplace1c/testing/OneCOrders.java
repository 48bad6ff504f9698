package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import java.util.List;
import java.util.Optional;

/** Reads customer orders out of the 1C emulator, in the configuration's own names. */
public record OneCOrders(OneCEmulator onec) {

    public boolean unf() {
        return onec.configuration() == OneCEmulator.Configuration.UNF;
    }

    public String entitySet() {
        return unf() ? "Document_ЗаказПокупателя" : "Document_ЗаказКлиента";
    }

    public String externalNumberField() {
        return unf() ? "НомерВходящегоДокумента" : "НомерПоДаннымКлиента";
    }

    public String rowsField() {
        return unf() ? "Запасы" : "Товары";
    }

    public String nomenclature(JsonNode row) {
        return unf() ? row.path("Номенклатура").asText() : row.path("Номенклатура_Key").asText();
    }

    public String warehouse(JsonNode doc) {
        return unf() ? doc.path("СтруктурнаяЕдиницаРезерв_Key").asText() : doc.path("Склад_Key").asText();
    }

    public List<ObjectNode> all() {
        return onec.objects(entitySet());
    }

    public List<ObjectNode> byNumber(String postingNumber) {
        return all().stream().filter(d -> postingNumber.equals(d.path(externalNumberField()).asText())).toList();
    }

    public Optional<ObjectNode> one(String postingNumber) {
        List<ObjectNode> found = byNumber(postingNumber);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " 1C orders for posting " + postingNumber);
        }
        return found.stream().findFirst();
    }

    /** How many documents were created (POST to the entity set itself, not the Post action on one document). */
    public long creates() {
        return onec.requestLog().stream()
                .filter(l -> l.startsWith("POST ") && l.contains("/" + entitySet()) && !l.contains(entitySet() + "("))
                .count();
    }
}
