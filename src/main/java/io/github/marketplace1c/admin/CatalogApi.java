package io.github.marketplace1c.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.catalog.CatalogPulls;
import io.github.marketplace1c.catalog.CatalogSteps;
import io.github.marketplace1c.catalog.CatalogTables;
import io.github.marketplace1c.catalog.Evidence;
import io.github.marketplace1c.catalog.Suggestion;
import io.github.marketplace1c.catalog.Workbench;
import io.github.marketplace1c.flow.FlowProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapping workbench's part of the admin API (routes/shared/catalog-api.camel.yaml; docs/admin-api.md): catalog
 * pulls with their progress, suggestions (list, accept, reject, accept every exact one), the unmapped inbox. Same
 * token, same JSON answers and errors as the rest of the API.
 */
public class CatalogApi {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogApi.class);

    private final ObjectMapper json;
    private final AccountRegistry accounts;
    private final CatalogTables tables;
    private final Workbench workbench;
    private final CatalogPulls pulls;
    private final ProducerTemplate producer;
    private final ExecutorService pullRunner;

    public CatalogApi(ObjectMapper json, AccountRegistry accounts, CatalogTables tables, Workbench workbench,
                      CatalogPulls pulls, ProducerTemplate producer, ExecutorService pullRunner) {
        this.json = json;
        this.accounts = accounts;
        this.tables = tables;
        this.workbench = workbench;
        this.pulls = pulls;
        this.producer = producer;
        this.pullRunner = pullRunner;
    }

    /** {@code POST /api/catalog/pull?account=&marketplace=}: starts a pull (202) and answers its progress. */
    public void startPull(Exchange exchange) {
        respond(exchange, () -> {
            Message in = exchange.getIn();
            List<Account> chosen = chosenAccounts(in.getHeader("account", String.class),
                    in.getHeader("marketplace", String.class));
            CatalogPulls.Pull pull = pulls.start(chosen);
            pullRunner.submit(() -> run(pull, chosen));
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
            return pull.view();
        });
    }

    /** Runs each account's catalog flow in turn, as the flows' own routes do (the journal records each run). */
    private void run(CatalogPulls.Pull pull, List<Account> chosen) {
        try {
            for (int i = 0; i < chosen.size(); i++) {
                Account account = chosen.get(i);
                CatalogPulls.AccountProgress progress = pull.accounts().get(i);
                Exchange exchange = new DefaultExchange(producer.getCamelContext());
                exchange.setProperty(FlowProperties.TRIGGER, "manual");
                exchange.setProperty(CatalogSteps.PROGRESS, progress);
                exchange.getIn().setBody(account);
                Exchange done = producer.send("direct:" + account.marketplace() + "-catalog-account", exchange);
                Throwable failure = done.getException() != null ? done.getException()
                        : done.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
                if (!"done".equals(progress.stage())) { // a failure that retries overcame leaves it "done"
                    progress.failed(failure == null ? "the pull did not finish" : failure.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Catalog pull #{} failed", pull.id(), e);
        } finally {
            pulls.finish(pull);
        }
    }

    public void pulls(Exchange exchange) {
        respond(exchange, pulls::recent);
    }

    public void pull(Exchange exchange) {
        respond(exchange, () -> pulls.find(id(exchange, "pull")).map(CatalogPulls.Pull::view)
                .orElseThrow(() -> new AdminApi.BadRequest(404, "no catalog pull #" + exchange.getIn().getHeader("id"))));
    }

    /** {@code GET /api/catalog/products?account=}: what the account's last pull saw. */
    public void products(Exchange exchange) {
        respond(exchange, () -> {
            String account = exchange.getIn().getHeader("account", String.class);
            if (account == null || accounts.find(account).isEmpty()) {
                throw new AdminApi.BadRequest(400, "give account: one of " + accounts.all().stream().map(Account::id).toList());
            }
            return tables.products(account);
        });
    }

    public void suggestions(Exchange exchange) {
        respond(exchange, () -> {
            Message in = exchange.getIn();
            String evidence = in.getHeader("evidence", String.class);
            if (evidence != null) {
                evidence(evidence);
            }
            String status = in.getHeader("status", String.class);
            if (status != null && !List.of(Suggestion.NEW, Suggestion.ACCEPTED, Suggestion.REJECTED).contains(status)) {
                throw new AdminApi.BadRequest(400, "status is new, accepted or rejected");
            }
            String exact = in.getHeader("exact", String.class);
            Double confidence;
            try {
                confidence = in.getHeader("confidence") == null ? null
                        : Double.valueOf(in.getHeader("confidence", String.class));
            } catch (NumberFormatException e) {
                throw new AdminApi.BadRequest(400, "confidence is a number 0..1 (the least to show)");
            }
            return tables.suggestions(new CatalogTables.Filter(in.getHeader("account", String.class),
                    in.getHeader("marketplace", String.class), status, evidence == null ? null : evidence.toLowerCase(),
                    exact == null ? null : Boolean.valueOf(exact), confidence, in.getHeader("search", String.class),
                    AdminApi.limit(in, 1000)));
        });
    }

    public void accept(Exchange exchange) {
        respond(exchange, () -> workbench.accept(id(exchange, "suggestion"), actor(exchange)));
    }

    public void reject(Exchange exchange) {
        respond(exchange, () -> workbench.reject(id(exchange, "suggestion"), actor(exchange)));
    }

    /** {@code POST /api/suggestions/accept?account=&marketplace=&evidence=barcode}: every new exact one. */
    public void acceptExact(Exchange exchange) {
        respond(exchange, () -> {
            Message in = exchange.getIn();
            String account = in.getHeader("account", String.class);
            if (account != null && accounts.find(account).isEmpty()) {
                throw new AdminApi.BadRequest(400, "no account '" + account + "'");
            }
            List<Workbench.Accepted> accepted = workbench.acceptExact(account, in.getHeader("marketplace", String.class),
                    evidence(in.getHeader("evidence", "barcode", String.class)), actor(exchange));
            int replayed = accepted.stream().mapToInt(a -> a.replayed().size()).sum();
            return Map.of("accepted", accepted.size(), "replayed", replayed, "results", accepted);
        });
    }

    public void unmapped(Exchange exchange) {
        respond(exchange, () -> workbench.unmapped(exchange.getIn().getHeader("account", String.class),
                exchange.getIn().getHeader("marketplace", String.class)));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private List<Account> chosenAccounts(String account, String marketplace) {
        if (account != null && !account.isBlank()) {
            Account found = accounts.find(account)
                    .orElseThrow(() -> new AdminApi.BadRequest(404, "no account '" + account + "'"));
            return List.of(found);
        }
        List<Account> chosen = new ArrayList<>();
        for (Account a : accounts.all()) {
            if (a.enabled() && (marketplace == null || marketplace.equals(a.marketplace()))) {
                chosen.add(a);
            }
        }
        if (chosen.isEmpty()) {
            throw new AdminApi.BadRequest(404, "no enabled account" + (marketplace == null ? "" : " of " + marketplace));
        }
        return chosen;
    }

    private static Evidence evidence(String text) {
        try {
            return Evidence.valueOf(text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new AdminApi.BadRequest(400, "evidence is barcode, article or name");
        }
    }

    private static long id(Exchange exchange, String what) {
        String id = exchange.getIn().getHeader("id", String.class);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new AdminApi.BadRequest(400, what + " id '" + id + "' is not a number");
        }
    }

    private static String actor(Exchange exchange) {
        return exchange.getIn().getHeader("X-Actor", "admin-api", String.class);
    }

    @FunctionalInterface
    interface Answer {
        Object get() throws Exception;
    }

    private void respond(Exchange exchange, Answer answer) {
        Message out = exchange.getMessage();
        try {
            Object result = answer.get();
            out.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
            out.setBody(json.writeValueAsString(result));
        } catch (AdminApi.BadRequest e) {
            error(out, e.status, e.getMessage());
        } catch (Workbench.NotOpen e) {
            error(out, 409, e.getMessage());
        } catch (IllegalArgumentException e) {
            error(out, e.getMessage() != null && e.getMessage().startsWith("no suggestion") ? 404 : 400, e.getMessage());
        } catch (Exception e) {
            LOG.error("Admin API call failed", e);
            error(out, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void error(Message out, int status, String message) {
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        try {
            out.setBody(json.writeValueAsString(Map.of("error", message == null ? "" : message)));
        } catch (Exception e) {
            out.setBody("{\"error\":\"unprintable error\"}");
        }
    }

}
