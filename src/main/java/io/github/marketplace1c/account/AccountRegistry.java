package io.github.marketplace1c.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The accounts an integrator declared in {@code config/accounts.yaml}. Secrets are not in the file: a
 * credential is written as {@code ${ENV_NAME}} and read from that environment variable (or, for the sandbox's
 * own keys only, from a property of the same name in the sandbox profile).
 *
 * <p>An account with {@code paused: true} is set up but not yet live: no flow runs for it (scheduled or
 * {@code --once}), while the admin API and the console work with it (catalog pulls, mappings). It goes live when
 * the line is removed (or set to false) and the application restarted: the file stays the one place that says which
 * accounts run, so no restart can silently undo a switch made elsewhere.
 */
public class AccountRegistry {

    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{([A-Za-z0-9_.]+)}$");

    private final List<Account> accounts;
    private final java.util.Set<String> paused;
    /** Per account, the credentials whose environment variable was not set: "apiKey (OZON_X_API_KEY)". */
    private final Map<String, List<String>> unset;

    public AccountRegistry(List<Account> accounts) {
        this(accounts, java.util.Set.of(), Map.of());
    }

    private AccountRegistry(List<Account> accounts, java.util.Set<String> paused, Map<String, List<String>> unset) {
        this.accounts = List.copyOf(accounts);
        this.paused = java.util.Set.copyOf(paused);
        this.unset = Map.copyOf(unset);
    }

    /**
     * @param lookup resolves a referenced name (environment first, then properties); null when unset
     */
    public static AccountRegistry load(Path file, UnaryOperator<String> lookup) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
            JsonNode list = root.path("accounts");
            List<Account> accounts = new ArrayList<>();
            Map<String, Boolean> seen = new LinkedHashMap<>();
            java.util.Set<String> paused = new java.util.HashSet<>();
            Map<String, List<String>> unset = new LinkedHashMap<>();
            for (JsonNode node : list) {
                List<String> missing = new ArrayList<>();
                Account account = parse(node, lookup, file, missing);
                if (seen.put(account.id(), true) != null) {
                    throw new IllegalArgumentException(file + ": account id '" + account.id() + "' appears twice");
                }
                accounts.add(account);
                if (node.path("paused").asBoolean(false)) {
                    paused.add(account.id());
                }
                if (!missing.isEmpty()) {
                    unset.put(account.id(), missing);
                }
            }
            return new AccountRegistry(accounts, paused, unset);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read accounts file " + file.toAbsolutePath(), e);
        }
    }

    private static Account parse(JsonNode node, UnaryOperator<String> lookup, Path file, List<String> missing) {
        String id = required(node, "id", file);
        String where = file + ", account " + id;
        Map<String, String> credentials = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("credentials").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String written = entry.getValue().asText();
            Matcher m = REFERENCE.matcher(written);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + ": credential '" + entry.getKey()
                        + "' must reference an environment variable as ${NAME}, not hold the secret itself");
            }
            String value = lookup.apply(m.group(1));
            if (value == null || value.isBlank()) {
                missing.add(entry.getKey() + " (" + m.group(1) + ")");
            }
            credentials.put(entry.getKey(), value == null ? "" : value);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        node.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        JsonNode onec = node.path("onec");
        String goLive = node.path("goLiveDate").asText("");
        return new Account(id, required(node, "marketplace", file), node.path("name").asText(id),
                node.path("enabled").asBoolean(true),
                goLive.isBlank() ? null : LocalDate.parse(goLive),
                Map.copyOf(credentials),
                new Account.OneCReferences(text(onec, "organization"), text(onec, "counterparty"),
                        text(onec, "contract"), text(onec, "partner"), text(onec, "agreement"),
                        text(onec, "warehouse")),
                Map.copyOf(settings));
    }

    private static String required(JsonNode node, String field, Path file) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(file + ": an account has no '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isBlank() ? null : value;
    }

    /**
     * At start: an account that is to run (enabled, not paused) but whose credential variables are not set stops the
     * start with the variables' names, instead of failing each of its runs later with a message in the journal.
     */
    public void requireCredentials() {
        for (Account account : accounts) {
            List<String> missing = unset.get(account.id());
            if (account.enabled() && !paused(account.id()) && missing != null) {
                throw new IllegalStateException("Account " + account.id() + " (accounts.yaml): credential "
                        + String.join(", ", missing) + " not set in the environment: set the variable, or mark the "
                        + "account paused: true until its credentials are ready");
            }
        }
    }

    public boolean paused(String id) {
        return paused.contains(id);
    }

    public List<Account> all() {
        return accounts;
    }

    /** The accounts the flows run for: enabled and not paused. */
    public List<Account> enabled(String marketplace) {
        return accounts.stream().filter(a -> a.enabled() && !paused(a.id()) && a.marketplace().equals(marketplace))
                .toList();
    }

    public Optional<Account> find(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Account get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No account '" + id + "' in accounts.yaml"));
    }
}
