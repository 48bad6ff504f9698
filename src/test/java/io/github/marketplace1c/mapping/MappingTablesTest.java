package io.github.marketplace1c.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.order.Order;
import io.github.marketplace1c.order.ResolvedOrder;
import io.github.marketplace1c.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mapping tables, the order resolver and CSV import/export on a real database (H2, or PostgreSQL in CI). */
class MappingTablesTest {

    private static final String NOMENCLATURE = "5b0c3cde-0000-4000-8000-000000000001";
    private static final String CHARACTERISTIC = "5b0c3cde-0000-4000-8000-000000000002";
    private static final String WAREHOUSE = "5b0c3cde-0000-4000-8000-000000000003";
    private static final String DEFAULT_WAREHOUSE = "5b0c3cde-0000-4000-8000-000000000004";

    @TempDir
    Path folder;
    HikariDataSource dataSource;
    MappingTable products;
    MappingTable warehouses;

    @BeforeEach
    void open() {
        dataSource = TestDatabase.open(TestDatabase.fresh(folder));
        products = new MappingTable(MappingTable.Kind.PRODUCTS, dataSource, Clock.systemUTC());
        warehouses = new MappingTable(MappingTable.Kind.WAREHOUSES, dataSource, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static Account account(String id, String defaultWarehouse) {
        return new Account(id, "ozon", id, true, null, Map.of(),
                new Account.OneCReferences("o", "c", null, null, null, defaultWarehouse), Map.of());
    }

    private static Order order(String... offers) {
        List<Order.Line> lines = java.util.Arrays.stream(offers)
                .map(o -> new Order.Line(o, "товар " + o, BigDecimal.ONE, BigDecimal.TEN)).toList();
        return new Order("ozon", "ozon-a", "0001-1", "awaiting_packaging", Instant.now(), "777", "Склад 777", null,
                lines, null);
    }

    @Test
    void accountRowWinsOverMarketplaceWideRow() {
        products.upsert(new MappingRow("ozon", "", "RM-1", NOMENCLATURE, null, "общий", null));
        products.upsert(new MappingRow("ozon", "ozon-b", "RM-1", "5b0c3cde-0000-4000-8000-0000000000bb", null, "свой", null));

        assertThat(products.resolve("ozon", "ozon-a", "RM-1").orElseThrow().ref()).isEqualTo(NOMENCLATURE);
        assertThat(products.resolve("ozon", "ozon-b", "RM-1").orElseThrow().name()).isEqualTo("свой");
        assertThat(products.resolve("wildberries", "ozon-a", "RM-1")).isEmpty();
    }

    @Test
    void resolverAttachesNomenclatureCharacteristicAndWarehouse() {
        products.upsert(new MappingRow("ozon", "", "RM-1", NOMENCLATURE, CHARACTERISTIC, null, null));
        warehouses.upsert(new MappingRow("ozon", "ozon-a", "777", WAREHOUSE, null, null, null));

        ResolvedOrder resolved = new OrderResolver(products, warehouses).resolve(order("RM-1"), account("ozon-a", null));

        assertThat(resolved.warehouseRef()).isEqualTo(WAREHOUSE);
        assertThat(resolved.lines().get(0).nomenclatureRef()).isEqualTo(NOMENCLATURE);
        assertThat(resolved.lines().get(0).characteristicRef()).isEqualTo(CHARACTERISTIC);
    }

    @Test
    void unmappedProductsAreAllNamedAndKeptForReplay() {
        products.upsert(new MappingRow("ozon", "", "RM-1", NOMENCLATURE, null, null, null));

        assertThatThrownBy(() -> new OrderResolver(products, warehouses)
                .resolve(order("RM-1", "RM-2", "RM-3"), account("ozon-a", DEFAULT_WAREHOUSE)))
                .isInstanceOfSatisfying(UnmappedProductException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReasonCode.UNMAPPED_PRODUCT);
                    assertThat(e.productKeys()).containsExactly("RM-2", "RM-3");
                    assertThat(e.getMessage()).contains("ozon-a").contains("0001-1").contains("'RM-2' (товар RM-2)");
                });
    }

    @Test
    void warehouseFallsBackToAccountDefaultThenFails() {
        products.upsert(new MappingRow("ozon", "", "RM-1", NOMENCLATURE, null, null, null));
        OrderResolver resolver = new OrderResolver(products, warehouses);

        assertThat(resolver.resolve(order("RM-1"), account("ozon-a", DEFAULT_WAREHOUSE)).warehouseRef())
                .isEqualTo(DEFAULT_WAREHOUSE);
        assertThatThrownBy(() -> resolver.resolve(order("RM-1"), account("ozon-a", null)))
                .isInstanceOfSatisfying(PermanentFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.UNMAPPED_WAREHOUSE))
                .hasMessageContaining("777 (Склад 777)");
    }

    @Test
    void csvImportWithSemicolonsAndBomThenExport() {
        MappingCsv csv = new MappingCsv(products, Set.of("ozon", "wildberries"));
        String file = "\uFEFFmarketplace;account;product_key;nomenclature_ref;characteristic_ref;name;note\n"
                + "ozon;;RM-1;" + NOMENCLATURE + ";;Чай «Ассам»;\n"
                + "ozon;ozon-a;RM-2;" + NOMENCLATURE.toUpperCase() + ";" + CHARACTERISTIC + ";Футболка, M;из Excel\n";

        MappingCsv.ImportReport report = csv.importCsv(file);

        assertThat(report.rejected()).isEmpty();
        assertThat(report.imported()).isEqualTo(2);
        assertThat(products.resolve("ozon", "ozon-a", "RM-2").orElseThrow().ref()).isEqualTo(NOMENCLATURE);
        String exported = csv.exportCsv("ozon", ',');
        assertThat(exported.lines().findFirst().orElseThrow())
                .isEqualTo("marketplace,account,product_key,nomenclature_ref,characteristic_ref,name,note");
        assertThat(exported).contains("ozon,ozon-a,RM-2," + NOMENCLATURE + "," + CHARACTERISTIC + ",\"Футболка, M\",из Excel");
    }

    @Test
    void csvImportWithBadRowsImportsNothingAndNamesTheLines() {
        MappingCsv csv = new MappingCsv(products, Set.of("ozon"));
        String file = "marketplace,account,product_key,nomenclature_ref,characteristic_ref,name,note\n"
                + "ozon,,RM-1," + NOMENCLATURE + ",,,\n"
                + "ozon,,RM-2,не-гуид,,,\n"
                + "megamarket,,RM-3," + NOMENCLATURE + ",,,\n"
                + "ozon,,," + NOMENCLATURE + ",,,\n";

        MappingCsv.ImportReport report = csv.importCsv(file);

        assertThat(report.imported()).isZero();
        assertThat(report.rejected()).extracting(MappingCsv.Rejected::line).containsExactly(3, 4, 5);
        assertThat(report.rejected().get(0).error()).contains("nomenclature_ref 'не-гуид' is not a 1C reference");
        assertThat(report.rejected().get(1).error()).contains("marketplace 'megamarket'");
        assertThat(report.rejected().get(2).error()).contains("product_key is empty");
        assertThat(products.list(null, null, null, 10)).isEmpty();
    }

    @Test
    void csvWithoutRequiredColumnsIsRejectedAsAWhole() {
        MappingCsv.ImportReport report = new MappingCsv(warehouses, Set.of("ozon")).importCsv("a;b\n1;2\n");

        assertThat(report.imported()).isZero();
        assertThat(report.rejected().get(0).line()).isEqualTo(1);
        assertThat(report.rejected().get(0).error()).contains("warehouse_key");
    }
}
