package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.OzonAccount;
import io.github.marketplace1c.sandbox.SandboxData.OzonOffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's Ozon finance for October 2026 (the month before the sandbox's week): per cabinet a realization
 * report of mapped offers priced as in 1C, with sales, returns, Ozon's reward and loyalty payouts, published on
 * a different November day per cabinet (both before the sandbox clock starts on the 7th); and the month's
 * accruals: per-posting services (logistics, last mile, acquiring) and, for fragile goods, a packaging item fee on
 * the same POSTING accrual, storage per SKU, seller-level fees (promotion, subscription), container fees of the
 * supplies (CONTAINER_FEES), and for Ромашка one "full" accrual with every money group filled. Deterministic: no
 * randomness at all.
 */
public final class OzonFinanceSeed {

    public static final YearMonth MONTH = YearMonth.of(2026, 10);

    /** When each cabinet's October report appears: Ozon publishes "by the 5th", not on a fixed day. */
    public static final Instant ROMASHKA_PUBLISHED = Instant.parse("2026-11-04T09:12:00Z");
    public static final Instant VASILKOV_PUBLISHED = Instant.parse("2026-11-06T14:40:00Z");

    static final BigDecimal LOGISTICS_PER_UNIT = new BigDecimal("76.00");
    static final BigDecimal LAST_MILE_PER_UNIT = new BigDecimal("25.00");
    static final BigDecimal ACQUIRING_RATE = new BigDecimal("0.015");
    /** Packaging (type 105), an item fee Ozon puts on the POSTING accrual of fragile goods, per unit. */
    static final BigDecimal PACKAGING_PER_UNIT = new BigDecimal("15.00");
    static final java.util.Set<String> FRAGILE = java.util.Set.of("RM-MUG-004", "RM-CAN-007");

    /** A seeded row: which offer, sold or returned, how many, the category's commission ratio, payouts. */
    public record SeedRow(String offerId, boolean isReturn, int quantity, String commissionRatio,
                          OzonFinance.Loyalty loyalty) {
    }

    private OzonFinanceSeed() {
    }

    private static OzonFinance.Loyalty loyalty(String bonus, String bank, String stars, String pvz) {
        return new OzonFinance.Loyalty(new BigDecimal(bonus), new BigDecimal(bank), new BigDecimal(stars),
                new BigDecimal(pvz));
    }

    /** The rows of a cabinet's October report. */
    public static List<SeedRow> rows(OzonAccount account) {
        OzonFinance.Loyalty none = OzonFinance.Loyalty.NONE;
        if (account.equals(SandboxData.OZON_ROMASHKA)) {
            return List.of(
                    new SeedRow("RM-TEA-001", false, 14, "0.12", loyalty("35.50", "0", "0", "0")),
                    new SeedRow("RM-TEA-002", false, 9, "0.12", none),
                    new SeedRow("RM-HON-003", false, 6, "0.10", loyalty("0", "12.40", "0", "0")),
                    new SeedRow("RM-MUG-004", false, 5, "0.15", loyalty("0", "0", "8.00", "0")),
                    new SeedRow("RM-TSH-005-M", false, 3, "0.18", none),
                    new SeedRow("RM-TSH-005-L", false, 2, "0.18", none),
                    new SeedRow("RM-TSH-005-XL", false, 1, "0.18", none),
                    new SeedRow("RM-SCF-006", false, 2, "0.18", loyalty("0", "0", "0", "15.00")),
                    new SeedRow("RM-CAN-007", false, 4, "0.15", none),
                    new SeedRow("RM-MUG-004", true, 1, "0.15", none),
                    new SeedRow("RM-TSH-005-L", true, 1, "0.18", none));
        }
        return List.of(
                new SeedRow("RM-SPN-010", false, 7, "0.15", none),
                new SeedRow("RM-TEA-001", false, 4, "0.12", none),
                new SeedRow("RM-CAN-007", false, 3, "0.15", loyalty("21.60", "0", "0", "0")),
                new SeedRow("RM-SPN-010", true, 1, "0.15", none));
    }

    public static OzonOffer offer(String offerId) {
        return SandboxData.OZON_OFFERS.stream().filter(o -> o.offerId().equals(offerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a sandbox Ozon offer: " + offerId));
    }

    /** The report rows as the API returns them, numbered from 1. */
    public static List<ObjectNode> reportRows(OzonAccount account) {
        List<ObjectNode> rows = new ArrayList<>();
        for (SeedRow seed : rows(account)) {
            OzonOffer offer = offer(seed.offerId());
            BigDecimal price = offer.item().price();
            ObjectNode row = seed.isReturn()
                    ? OzonFinance.returnRow(offer, seed.quantity(), price, new BigDecimal(seed.commissionRatio()), seed.loyalty())
                    : OzonFinance.saleRow(offer, seed.quantity(), price, new BigDecimal(seed.commissionRatio()), seed.loyalty());
            row.put("rowNumber", rows.size() + 1);
            rows.add(row);
        }
        return rows;
    }

    /** The report's title page: the number and dates, the commission contract, Ozon as payer, the seller. */
    public static ObjectNode header(OzonAccount account, YearMonth month) {
        ObjectNode header = OzonJson.object();
        header.put("number", reportNumber(account, month));
        header.put("doc_date", month.atEndOfMonth().toString());
        header.put("start_date", month.atDay(1).toString());
        header.put("stop_date", month.atEndOfMonth().toString());
        String contract = account.contract().name();
        header.put("contract_number", contract.substring(contract.indexOf("№") + 1).trim());
        header.put("contract_date", "2026-01-15");
        header.put("currency_sys_name", "RUB");
        header.put("payer_inn", SandboxData.OZON.inn());
        header.put("payer_kpp", SandboxData.OZON.kpp());
        header.put("payer_name", "ООО \"Интернет Решения\"");
        header.put("receiver_inn", account.organization().inn());
        header.put("receiver_kpp", account.organization().inn().length() == 10 ? "770101001" : "");
        header.put("receiver_name", account.organization().name());
        return header;
    }

    /** Ozon numbers the report per cabinet and month, e.g. {@code 100001-2026-10}. */
    public static String reportNumber(OzonAccount account, YearMonth month) {
        return account.clientId() + "-" + month;
    }

    public static Instant publishedAt(OzonAccount account) {
        return account.equals(SandboxData.OZON_ROMASHKA) ? ROMASHKA_PUBLISHED : VASILKOV_PUBLISHED;
    }

    public static void loadInto(OzonFinance finance) {
        for (int i = 0; i < SandboxData.OZON_ACCOUNTS.size(); i++) {
            OzonAccount account = SandboxData.OZON_ACCOUNTS.get(i);
            finance.putReport(account.clientId(), MONTH, header(account, MONTH), reportRows(account),
                    publishedAt(account));
            accruals(account, i).forEach(a -> finance.addAccrual(account.clientId(), a.accrualId(), a.date(), a.json()));
        }
    }

    // ---- accruals ------------------------------------------------------------------------------------------

    /**
     * The cabinet's October accruals: one POSTING accrual per sold unit pair (logistics and last mile per unit,
     * acquiring 1.5 % of the sale), spread over the month; storage (ITEM) for three SKUs on the 10th, 20th and
     * 31st; promotion (NON_ITEM) on the 5th and 19th; Ромашка's subscription on the 1st.
     */
    public static List<OzonFinance.Accrual> accruals(OzonAccount account, int accountIndex) {
        List<OzonFinance.Accrual> list = new ArrayList<>();
        long nextId = 7_000_000_000L + accountIndex * 1_000_000L;
        List<SeedRow> rows = rows(account);
        int posting = 0;
        for (int r = 0; r < rows.size(); r++) {
            SeedRow seed = rows.get(r);
            if (seed.isReturn()) {
                continue;
            }
            OzonOffer offer = offer(seed.offerId());
            int left = seed.quantity();
            int k = 0;
            while (left > 0) {
                int units = Math.min(2, left);
                left -= units;
                LocalDate date = MONTH.atDay(1 + (r * 7 + k * 3) % MONTH.lengthOfMonth());
                k++;
                posting++;
                String number = String.format("%08d-%04d-1", 30_000_000 + accountIndex * 1_000 + r, posting);
                ObjectNode json = postingAccrual(nextId, date, number, offer, units,
                        new BigDecimal(seed.commissionRatio()));
                if (FRAGILE.contains(seed.offerId())) {
                    addItemFee(json, offer, 105, PACKAGING_PER_UNIT.multiply(BigDecimal.valueOf(units)).negate());
                }
                list.add(new OzonFinance.Accrual(nextId, date, json));
                nextId++;
            }
        }
        int[] storageDays = {10, 20, 31};
        String[] storageSkus = accountIndex == 0 ? new String[]{"RM-TEA-001", "RM-HON-003", "RM-SCF-006"}
                : new String[]{"RM-SPN-010", "RM-TEA-001", "RM-CAN-007"};
        String[] storageFees = {"12.30", "8.75", "19.40"};
        for (int day : storageDays) {
            LocalDate date = MONTH.atDay(day);
            ObjectNode json = base(nextId, date, "STORAGE-" + date, "ITEM");
            ArrayNode fees = json.putObject("item_fees").putArray("fees");
            BigDecimal total = BigDecimal.ZERO;
            for (int s = 0; s < storageSkus.length; s++) {
                ObjectNode fee = fees.addObject();
                fee.put("sku", offer(storageSkus[s]).sku());
                BigDecimal amount = new BigDecimal(storageFees[s]).negate();
                ObjectNode typed = fee.putArray("fees").addObject();
                typed.put("type_id", 201);
                typed.set("accrued", money(amount));
                total = total.add(amount);
            }
            json.set("total_amount", money(total));
            list.add(new OzonFinance.Accrual(nextId++, date, json));
        }
        String[][] sellerFees = accountIndex == 0
                ? new String[][]{{"1", "302", "1990.00"}, {"5", "301", "450.00"}, {"19", "301", "380.50"}}
                : new String[][]{{"5", "301", "120.00"}, {"19", "301", "95.40"}};
        for (String[] fee : sellerFees) {
            LocalDate date = MONTH.atDay(Integer.parseInt(fee[0]));
            ObjectNode json = base(nextId, date, "AD-" + account.clientId() + "-" + fee[0], "NON_ITEM");
            ObjectNode nonItem = json.putObject("non_item_fee");
            nonItem.put("type_id", Integer.parseInt(fee[1]));
            BigDecimal amount = new BigDecimal(fee[2]).negate();
            nonItem.set("accrued", money(amount));
            json.set("total_amount", money(amount));
            list.add(new OzonFinance.Accrual(nextId++, date, json));
        }
        String[][] containerFees = accountIndex == 0
                ? new String[][]{{"8", "350.00"}, {"22", "280.00"}}
                : new String[][]{{"8", "175.00"}};
        for (String[] fee : containerFees) {
            LocalDate date = MONTH.atDay(Integer.parseInt(fee[0]));
            list.add(new OzonFinance.Accrual(nextId, date, containerAccrual(nextId, date,
                    "SUPPLY-" + account.clientId() + "-" + fee[0], 401, new BigDecimal(fee[1]).negate())));
            nextId++;
        }
        if (accountIndex == 0) {
            LocalDate date = MONTH.atDay(27);
            list.add(new OzonFinance.Accrual(nextId, date, fullAccrual(nextId, date, "30000099-0001-1",
                    offer("RM-TEA-002"), new BigDecimal("0.12"))));
            nextId++;
        }
        return list;
    }

    /**
     * A CONTAINER_FEES accrual (since July 2026): fees for a supply's container (box, pallet), not tied to a product:
     * {@code container_fees.fees[]} of {@code type_id} and {@code accrued}, and {@code total_amount}.
     */
    public static ObjectNode containerAccrual(long accrualId, LocalDate date, String unitNumber, int typeId,
                                              BigDecimal amount) {
        ObjectNode json = base(accrualId, date, unitNumber, "CONTAINER_FEES");
        ObjectNode fee = json.putObject("container_fees").putArray("fees").addObject();
        fee.put("type_id", typeId);
        fee.set("accrued", money(amount));
        json.set("total_amount", money(amount));
        return json;
    }

    /**
     * Adds an item fee to an accrual (a POSTING accrual carries item fees besides its delivery in 2026 answers) and
     * adds it to {@code total_amount}.
     */
    public static void addItemFee(ObjectNode accrual, OzonOffer offer, int typeId, BigDecimal amount) {
        ObjectNode itemFees = accrual.has("item_fees") && accrual.get("item_fees").isObject()
                ? (ObjectNode) accrual.get("item_fees") : accrual.putObject("item_fees");
        ArrayNode items = itemFees.has("fees") ? (ArrayNode) itemFees.get("fees") : itemFees.putArray("fees");
        ObjectNode item = items.addObject();
        item.put("sku", offer.sku());
        ObjectNode fee = item.putArray("fees").addObject();
        fee.put("type_id", typeId);
        fee.set("accrued", money(amount));
        addToTotal(accrual, amount);
    }

    /**
     * The "full" answer: a POSTING accrual with every optional money group the spec defines filled — the posting's
     * commission and delivery services, an item fee, a seller-level fee and a container fee — the total their sum.
     */
    public static ObjectNode fullAccrual(long accrualId, LocalDate date, String postingNumber, OzonOffer offer,
                                         BigDecimal commissionRatio) {
        ObjectNode json = postingAccrual(accrualId, date, postingNumber, offer, 1, commissionRatio);
        ObjectNode commission = (ObjectNode) json.path("posting").path("products").get(0).get("commission");
        commission.set("bonus", money(new BigDecimal("4.50")));
        commission.set("coinvestment", money(new BigDecimal("1.20")));
        addItemFee(json, offer, 105, PACKAGING_PER_UNIT.negate());
        ObjectNode nonItem = json.putObject("non_item_fee");
        nonItem.put("type_id", 301);
        BigDecimal promotion = new BigDecimal("-12.00");
        nonItem.set("accrued", money(promotion));
        addToTotal(json, promotion);
        ObjectNode container = json.putObject("container_fees").putArray("fees").addObject();
        container.put("type_id", 401);
        BigDecimal box = new BigDecimal("-40.00");
        container.set("accrued", money(box));
        addToTotal(json, box);
        return json;
    }

    private static void addToTotal(ObjectNode accrual, BigDecimal amount) {
        BigDecimal total = new BigDecimal(accrual.path("total_amount").path("amount").asText("0"));
        accrual.set("total_amount", money(total.add(amount)));
    }

    /** A POSTING accrual of one product line: the sale, Ozon's commission and the services it charged. */
    public static ObjectNode postingAccrual(long accrualId, LocalDate date, String postingNumber, OzonOffer offer,
                                            int units, BigDecimal commissionRatio) {
        ObjectNode json = base(accrualId, date, postingNumber, "POSTING");
        ObjectNode posting = json.putObject("posting");
        posting.put("delivery_schema", "FBS");
        posting.put("delivery_speed", 0);
        ObjectNode product = posting.putArray("products").addObject();
        product.put("sku", offer.sku());
        BigDecimal price = offer.item().price();
        BigDecimal sale = price.multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal commission = sale.multiply(commissionRatio).setScale(2, RoundingMode.HALF_UP);
        ObjectNode c = product.putObject("commission");
        c.set("bonus", money(BigDecimal.ZERO));
        c.set("coinvestment", money(BigDecimal.ZERO));
        c.set("commission", money(commission.negate()));
        c.put("commission_ratio", commissionRatio.toPlainString());
        c.set("sale_amount", money(sale));
        c.set("sale_commission", money(commission.negate()));
        c.set("sale_price", money(price));
        c.set("seller_price", money(price));
        ObjectNode delivery = product.putObject("delivery");
        ArrayNode services = delivery.putArray("services");
        BigDecimal logistics = LOGISTICS_PER_UNIT.multiply(BigDecimal.valueOf(units)).negate();
        BigDecimal lastMile = LAST_MILE_PER_UNIT.multiply(BigDecimal.valueOf(units)).negate();
        BigDecimal acquiring = sale.multiply(ACQUIRING_RATE).setScale(2, RoundingMode.HALF_UP).negate();
        service(services, 101, logistics);
        service(services, 102, lastMile);
        service(services, 104, acquiring);
        BigDecimal deliveryTotal = logistics.add(lastMile).add(acquiring);
        delivery.set("total_accrued", money(deliveryTotal));
        json.set("total_amount", money(sale.subtract(commission).add(deliveryTotal)));
        return json;
    }

    private static void service(ArrayNode services, int typeId, BigDecimal amount) {
        ObjectNode s = services.addObject();
        s.put("type_id", typeId);
        s.set("accrued", money(amount));
    }

    private static ObjectNode base(long accrualId, LocalDate date, String unitNumber, String category) {
        ObjectNode json = OzonJson.object();
        json.put("accrual_id", accrualId);
        json.put("date", date.toString());
        json.put("unit_number", unitNumber);
        json.put("accrued_category", category);
        return json;
    }

    /** Ozon's money object in the accrual API: the amount as a string with kopecks, and the currency. */
    static ObjectNode money(BigDecimal amount) {
        ObjectNode money = OzonJson.object();
        money.put("amount", amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
        money.put("currency", "RUB");
        return money;
    }
}
