package io.github.marketplace1c.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.db.Where;
import io.github.marketplace1c.journal.Journal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the web console reads besides the admin API's own calls (routes/shared/console-api.camel.yaml): the
 * overview (flows with their schedules, each account's last run, what is failing now), the accounts without
 * their secrets, and the open dead letters counted by reason.
 */
public class ConsoleApi {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);

    private final ObjectMapper json;
    private final CamelContext context;
    private final AccountRegistry accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ConsoleApi(ObjectMapper json, CamelContext context, AccountRegistry accounts, DataSource dataSource,
                      Clock clock) {
        this.json = json;
        this.context = context;
        this.accounts = accounts;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Flows and their schedules, accounts, every flow's last run per account, open dead letters by reason. */
    public void overview(Exchange exchange) {
        respond(exchange, () -> {
            Map<String, Object> overview = new LinkedHashMap<>();
            overview.put("now", clock.instant().toString());
            String database;
            try (var connection = jdbc.getDataSource().getConnection()) {
                database = connection.isValid(2) ? "UP" : "DOWN";
            }
            overview.put("database", database);
            overview.put("flows", flows());
            overview.put("accounts", accounts());
            overview.put("lastRuns", Journal.camelCase(jdbc.queryForList("SELECT id, marketplace, flow, account_id, "
                    + "trigger_kind, started_at, finished_at, status, fetched, done, skipped, dead_letters, message "
                    + "FROM journal_run WHERE id IN (SELECT MAX(id) FROM journal_run GROUP BY marketplace, flow, "
                    + "account_id) ORDER BY marketplace, flow, account_id")));
            overview.put("openDeadLetters", groups("new", null, null));
            overview.put("tokenWarnings", tokenWarnings());
            return overview;
        });
    }

    /** Tokens expiring within two weeks (Wildberries' JWT exp): the account and the date, never the token. */
    private List<Map<String, Object>> tokenWarnings() {
        var lifetimes = context.getRegistry().lookupByNameAndType("tokenLifetimes",
                io.github.marketplace1c.observe.TokenLifetimes.class);
        List<Map<String, Object>> warnings = new java.util.ArrayList<>();
        if (lifetimes != null) {
            for (var lifetime : lifetimes.expiringSoon()) {
                Map<String, Object> warning = new LinkedHashMap<>();
                warning.put("accountId", lifetime.accountId());
                warning.put("marketplace", lifetime.marketplace());
                warning.put("expires", lifetime.expires().toString());
                warning.put("daysLeft", (long) Math.floor(lifetime.daysLeft()));
                warnings.add(warning);
            }
        }
        return warnings;
    }

    /** The accounts of config/accounts.yaml: names, 1C references and settings; of credentials only whether set. */
    public void accounts(Exchange exchange) {
        respond(exchange, this::accounts);
    }

    /**
     * The marketplaces, in the registry's order: key and the name a person reads. The console's lists and labels
     * come from here, so a marketplace added to the registry shows up without touching the console.
     */
    public void marketplaces(Exchange exchange) {
        respond(exchange, () -> io.github.marketplace1c.marketplace.Marketplaces.all().stream()
                .map(m -> Map.of("key", m.key(), "name", m.displayName())).toList());
    }

    /**
     * The mapping tables there are (products, warehouses, and whatever other MappingTable the application binds,
     * e.g. services), so the console shows a tab for each without probing for missing ones.
     */
    public void mappingKinds(Exchange exchange) {
        respond(exchange, () -> context.getRegistry().findByType(io.github.marketplace1c.mapping.MappingTable.class)
                .stream().map(t -> t.kind().name().toLowerCase()).sorted().toList());
    }

    /** Dead letters counted by reason (and flow): ?status= (default new), ?account=, ?flow=. */
    public void deadLetterGroups(Exchange exchange) {
        respond(exchange, () -> {
            Message in = exchange.getIn();
            String status = in.getHeader("status", String.class);
            return groups(status == null || status.isBlank() ? "new" : status.toLowerCase(),
                    in.getHeader("account", String.class), in.getHeader("flow", String.class));
        });
    }

    private List<Map<String, Object>> groups(String status, String account, String flow) {
        Where where = new Where().and("status = ?", "all".equals(status) ? null : status)
                .and("account_id = ?", blankToNull(account)).and("flow = ?", blankToNull(flow));
        return Journal.camelCase(jdbc.queryForList("SELECT reason, marketplace, flow, COUNT(*) AS count, "
                + "MIN(created_at) AS oldest, MAX(updated_at) AS latest FROM dead_letter" + where.sql()
                + " GROUP BY reason, marketplace, flow ORDER BY COUNT(*) DESC, reason, marketplace, flow",
                where.args()));
    }

    private List<Map<String, Object>> accounts() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Account account : accounts.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", account.id());
            row.put("marketplace", account.marketplace());
            row.put("name", account.name());
            row.put("enabled", account.enabled());
            row.put("goLiveDate", account.goLiveDate() == null ? null : account.goLiveDate().toString());
            row.put("onec", account.onec());
            row.put("settings", account.settings());
            Map<String, Boolean> credentials = new LinkedHashMap<>();
            account.credentials().forEach((name, value) -> credentials.put(name, value != null && !value.isBlank()));
            row.put("credentialsSet", credentials);
            list.add(row);
        }
        return list;
    }

    /** Every flow (route group flows) with its Quartz schedule: the cron, whether it is on, when it fires next. */
    private List<Map<String, Object>> flows() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            if (!"flows".equals(route.getGroup())) {
                continue;
            }
            Map<String, Object> flow = new LinkedHashMap<>();
            flow.put("flow", route.getRouteId());
            Route schedule = context.getRoute(route.getRouteId() + "-schedule");
            String cron = null;
            boolean on = false;
            if (schedule != null && schedule.getEndpoint() instanceof QuartzEndpoint quartz) {
                cron = quartz.getCron();
                on = context.getRouteController().getRouteStatus(schedule.getRouteId()) == ServiceStatus.Started;
            }
            flow.put("cron", cron);
            flow.put("scheduled", on);
            flow.put("nextRun", on ? nextFire(cron) : null);
            list.add(flow);
        }
        list.sort(java.util.Comparator.comparing(f -> (String) f.get("flow")));
        return list;
    }

    /**
     * Quartz fires on the machine's clock; the answer is on the application's clock (the journal's), which in the
     * sandbox runs in a week of its own: the same wait from the application's now.
     */
    private String nextFire(String cron) {
        if (cron == null) {
            return null;
        }
        try {
            Date realNow = new Date();
            Date next = new CronExpression(cron).getNextValidTimeAfter(realNow);
            return next == null ? null
                    : clock.instant().plusMillis(next.getTime() - realNow.getTime()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        } catch (java.text.ParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @FunctionalInterface
    interface Answer {
        Object get() throws Exception;
    }

    private void respond(Exchange exchange, Answer answer) {
        Message out = exchange.getMessage();
        out.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        try {
            out.setBody(json.writeValueAsString(answer.get()));
        } catch (Exception e) {
            LOG.error("Console API call failed", e);
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 500);
            out.setBody("{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }
}
