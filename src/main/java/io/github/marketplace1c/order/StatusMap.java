package io.github.marketplace1c.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a marketplace order status means for 1C ({@code config/status-map.yaml}, edited by integrators):
 * {@code create} the order (if 1C does not have it), {@code cancel} it (if 1C has it), or {@code skip} the record.
 * A status the file does not name takes the marketplace's {@code default}.
 */
public class StatusMap {

    public enum Action { CREATE, CANCEL, SKIP }

    private final Map<String, Map<String, Action>> actions;

    public StatusMap(Map<String, Map<String, Action>> actions) {
        this.actions = actions;
    }

    public static StatusMap load(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            Map<String, Map<String, Action>> actions = new HashMap<>();
            root.fields().forEachRemaining(marketplace -> {
                Map<String, Action> statuses = new HashMap<>();
                marketplace.getValue().fields().forEachRemaining(status -> {
                    String value = status.getValue().asText("").trim().toUpperCase(Locale.ROOT);
                    try {
                        statuses.put(status.getKey(), Action.valueOf(value));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(file + ": " + marketplace.getKey() + "." + status.getKey()
                                + " is '" + status.getValue().asText() + "'; use create, cancel or skip");
                    }
                });
                actions.put(marketplace.getKey(), statuses);
            });
            return new StatusMap(actions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the status map " + file.toAbsolutePath(), e);
        }
    }

    public Action action(String marketplace, String status) {
        Map<String, Action> statuses = actions.getOrDefault(marketplace, Map.of());
        Action action = statuses.get(status);
        if (action == null) {
            action = statuses.getOrDefault("default", Action.CREATE);
        }
        return action;
    }
}
