package io.github.marketplace1c.sandbox;

import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox base's marketplace services (Номенклатура of type Услуга) and expense items (СтатьиРасходов), and the
 * service map rows that send each marketplace's service kinds to them (Wildberries by sellerOperName, Ozon by accrual
 * type id, Yandex Market by serviceName). Every kind the emulators' reports contain is
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
    public static final Service ACQUIRING = service("SRV-006", "Эквайринг маркетплейса", "Эквайринг");
    public static final Service PROMOTION = service("SRV-007", "Продвижение на маркетплейсе", "Продвижение");
    public static final Service PLACEMENT = service("SRV-008", "Размещение товаров на маркетплейсе", "Размещение");
    public static final Service REBILLED_LOGISTICS = service("SRV-009",
            "Возмещение издержек маркетплейса по перевозке", "Возмещение издержек по перевозке");
    public static final List<Service> SERVICES = List.of(LOGISTICS, STORAGE, ACCEPTANCE, FINES, DEDUCTIONS, ACQUIRING,
            PROMOTION, PLACEMENT, REBILLED_LOGISTICS);

    /**
     * Wildberries' service kinds as the sandbox maps them: the kind of a fee field (a bare kind catches every
     * bonusTypeName of it), or {@code kind: bonusTypeName}. Deductions have no bare row on purpose: each kind of
     * deduction is a different expense, so a new one waits for its own mapping.
     */
    public static final List<String[]> WILDBERRIES = List.of(
            new String[] {"Логистика", "LOGISTICS"},
            new String[] {"Возмещение издержек по перевозке", "REBILLED_LOGISTICS"},
            new String[] {"Хранение", "STORAGE"},
            new String[] {"Платная приемка", "ACCEPTANCE"},
            new String[] {"Штраф", "FINES"},
            new String[] {"Удержание: Оказание услуг «ВБ.Продвижение»", "PROMOTION"},
            new String[] {"Корректировка вознаграждения", "DEDUCTIONS"},
            new String[] {"Баллы программы лояльности", "PROMOTION"},
            new String[] {"Компенсация скидки по программе лояльности", "PROMOTION"},
            new String[] {"Участие в программе лояльности", "PROMOTION"});

    /** Ozon's accrual types (type_id, the emulator's /v1/finance/accrual/types) as the sandbox maps them. */
    public static final List<String[]> OZON = List.of(
            new String[] {"101", "LOGISTICS"},
            new String[] {"102", "LOGISTICS"},
            new String[] {"103", "LOGISTICS"},
            new String[] {"104", "ACQUIRING"},
            new String[] {"105", "LOGISTICS"},
            new String[] {"201", "STORAGE"},
            new String[] {"301", "PROMOTION"},
            new String[] {"302", "DEDUCTIONS"},
            new String[] {"401", "ACCEPTANCE"});

    /** Yandex Market's service names (serviceName of the services report) as the sandbox maps them. */
    public static final List<String[]> YANDEX_MARKET = List.of(
            new String[] {"Размещение товаров на витрине", "PLACEMENT"},
            new String[] {"Программа лояльности", "PROMOTION"},
            new String[] {"Буст продаж, оплата за продажи", "PROMOTION"});

    private SandboxServices() {
    }

    private static Service service(String code, String name, String expenseItem) {
        return new Service(SandboxData.guid("service", code), code, name,
                SandboxData.guid("expense-item", expenseItem), "Услуги маркетплейсов: " + expenseItem);
    }

    private static MappingRow row(String marketplace, String[] kind) {
        Service service = byName(kind[1]);
        return new MappingRow(marketplace, "", kind[0], service.nomenclatureRef(), service.expenseItemRef(),
                service.name(), "sandbox seed");
    }

    public static Service byName(String constant) {
        return switch (constant) {
            case "LOGISTICS" -> LOGISTICS;
            case "STORAGE" -> STORAGE;
            case "ACCEPTANCE" -> ACCEPTANCE;
            case "FINES" -> FINES;
            case "ACQUIRING" -> ACQUIRING;
            case "PROMOTION" -> PROMOTION;
            case "PLACEMENT" -> PLACEMENT;
            case "REBILLED_LOGISTICS" -> REBILLED_LOGISTICS;
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
        for (String[] kind : OZON) {
            rows.add(row("ozon", kind));
        }
        for (String[] kind : YANDEX_MARKET) {
            rows.add(row("yandex-market", kind));
        }
        services.upsertAll(rows);
    }
}
