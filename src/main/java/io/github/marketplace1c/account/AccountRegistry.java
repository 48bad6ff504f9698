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
 */
public class AccountRegistry {

    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{([A-Za-z0-9_.]+)}$");

    private final List<Account> accounts;

    public AccountRegistry(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
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
            for (JsonNode node : list) {
                Account account = parse(node, lookup, file);
                if (seen.put(account.id(), true) != null) {
                    throw new IllegalArgumentException(file + ": account id '" + account.id() + "' appears twice");
                }
                accounts.add(account);
            }
            return new AccountRegistry(accounts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read accounts file " + file.toAbsolutePath(), e);
        }
    }

    private static Account parse(JsonNode node, UnaryOperator<String> lookup, Path file) {
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

    public List<Account> all() {
        return accounts;
    }

    public List<Account> enabled(String marketplace) {
        return accounts.stream().filter(a -> a.enabled() && a.marketplace().equals(marketplace)).toList();
    }

    public Optional<Account> find(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Account get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No account '" + id + "' in accounts.yaml"));
    }
}
