package io.github.marketplace1c.sandbox;

import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox base's marketplace services (Номенклатура of type Услуга) and expense items (СтатьиРасходов), and the
 * service map rows that send each marketplace's service kinds to them. Every kind the emulators' reports contain is
 * mapped, so the sandbox's reports load whole.
 */
public final class SandboxServices {

    /** A 1C service with its expense item. */
    public record Service(String nomenclatureRef, String code, String name, String expenseItemRef, String expenseItem) {
    }

    public static final Service LOGISTICS = service("SRV-001", "Логистика маркетплейса", "Логистика");
    public static final Service STORAGE = service("SRV-002", "Хранение на складе маркетплейса", "Хранение");
    public static final Service ACCEPTANCE = service("SRV-003", "Приемка товара маркетплейсом", "Приемка");
    public static final Service FINES = service("SRV-004", "Штрафы маркетплейса", "Штрафы");
    public static final Service DEDUCTIONS = service("SRV-005", "Прочие удержания маркетплейса", "Прочие удержания");
    public static final List<Service> SERVICES = List.of(LOGISTICS, STORAGE, ACCEPTANCE, FINES, DEDUCTIONS);

    /** Wildberries' service kinds (sellerOperName) as the sandbox maps them. */
    public static final List<String[]> WILDBERRIES = List.of(
            new String[] {"Логистика", "LOGISTICS"},
            new String[] {"Хранение", "STORAGE"},
            new String[] {"Платная приемка", "ACCEPTANCE"},
            new String[] {"Штраф", "FINES"},
            new String[] {"Удержание", "DEDUCTIONS"});

    private SandboxServices() {
    }

    private static Service service(String code, String name, String expenseItem) {
        return new Service(SandboxData.guid("service", code), code, name,
                SandboxData.guid("expense-item", expenseItem), "Услуги маркетплейсов: " + expenseItem);
    }

    public static Service byName(String constant) {
        return switch (constant) {
            case "LOGISTICS" -> LOGISTICS;
            case "STORAGE" -> STORAGE;
            case "ACCEPTANCE" -> ACCEPTANCE;
            case "FINES" -> FINES;
            default -> DEDUCTIONS;
        };
    }

    /** The sandbox's service map rows for Wildberries (every account), on a fresh table only. */
    public static void seedMappings(MappingTable services) {
        if (!services.list(null, null, null, 1).isEmpty()) {
            return;
        }
        List<MappingRow> rows = new ArrayList<>();
        for (String[] kind : WILDBERRIES) {
            Service service = byName(kind[1]);
            rows.add(new MappingRow("wildberries", "", kind[0], service.nomenclatureRef(), service.expenseItemRef(),
                    service.name(), "sandbox seed"));
        }
        services.upsertAll(rows);
    }
}
