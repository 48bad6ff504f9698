package io.github.marketplace1c.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.flow.OrderFlow;
import io.github.marketplace1c.flow.OrderSource;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.mapping.OrderResolver;
import io.github.marketplace1c.onec.OrderDocuments;
import io.github.marketplace1c.order.Order;
import io.github.marketplace1c.sandbox.Sandbox;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's past: for every account, one order the buyer has since cancelled was already in 1C before the
 * sandbox started (as if loaded by an earlier run), so the first run shows a cancellation applied to a 1C order,
 * not only cancellations skipped because they never reached 1C.
 */
final class SandboxHistory {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHistory.class);

    private SandboxHistory() {
    }

    static void ordersAlreadyIn1C(Application app, Sandbox sandbox, ZoneId zone) {
        AccountRegistry accounts = app.bean("accounts", AccountRegistry.class);
        OrderDocuments documents = app.bean("orderDocuments", OrderDocuments.class);
        OrderResolver resolver = new OrderResolver(app.bean("productMappings", MappingTable.class),
                app.bean("warehouseMappings", MappingTable.class));
        int created = 0;
        for (String flow : List.of("ozonOrders", "wildberriesOrders", "yandexMarketOrders")) {
            OrderSource source = app.bean(flow, OrderFlow.class).source();
            for (Account account : accounts.enabled(source.marketplace())) {
                for (JsonNode record : cancelled(sandbox, source.marketplace(), account)) {
                    Order order = source.toOrder(account, record);
                    if (account.goLiveDate() != null
                            && order.createdAt().isBefore(account.goLiveDate().atStartOfDay(zone).toInstant())) {
                        continue;
                    }
                    try {
                        documents.createIfAbsent(resolver.resolve(order, account));
                        created++;
                        break;
                    } catch (RuntimeException unmapped) {
                        // an order with a product the sandbox leaves unmapped: take the next one
                    }
                }
            }
        }
        LOG.info("Sandbox: {} orders the buyers have since cancelled were already in 1C", created);
    }

    /** The account's seeded orders that are cancelled now, as the marketplace lists them. */
    private static List<JsonNode> cancelled(Sandbox sandbox, String marketplace, Account account) {
        List<JsonNode> records = new ArrayList<>();
        switch (marketplace) {
            case "ozon" -> sandbox.ozon().postings().all(account.credential("clientId")).stream()
                    .filter(p -> p.path("status").asText().startsWith("cancelled")).forEach(records::add);
            case "wildberries" -> {
                for (ObjectNode order : sandbox.wildberries().orders().all(account.credential("token"))) {
                    sandbox.wildberries().orders().status(order.path("id").asLong())
                            .filter(s -> s.wbStatus().startsWith("canceled"))
                            .ifPresent(s -> records.add(order));
                }
            }
            case "yandex-market" -> sandbox.yandexMarket().orders()
                    .all(Long.parseLong(account.requiredSetting("businessId"))).stream()
                    .filter(o -> "CANCELLED".equals(o.path("status").asText())).forEach(records::add);
            default -> throw new IllegalArgumentException(marketplace);
        }
        return records;
    }
}
