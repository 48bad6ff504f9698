package io.github.marketplace1c.app;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The settings whose bad value would otherwise surface deep in the start as an error that does not name them
 * ({@code Invalid ID for region-based ZoneId}), checked before anything starts: the message names the setting, the
 * value and what it may be.
 */
final class StartupSettings {

    private StartupSettings() {
    }

    static void check(Map<String, String> effective) {
        String configuration = PropertyFiles.value(effective, "mp1c.onec.configuration", "UT");
        if (!List.of("UNF", "UT", "KA").contains(configuration.trim().toUpperCase())) {
            throw new IllegalArgumentException("mp1c.onec.configuration is '" + configuration
                    + "': it must be UNF, UT or KA");
        }
        String zone = PropertyFiles.value(effective, "mp1c.onec.timeZone", "Europe/Moscow");
        try {
            ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("mp1c.onec.timeZone is '" + zone + "', not a time zone id: give the "
                    + "1C server's zone as Region/City, e.g. Europe/Moscow, Asia/Yekaterinburg");
        }
    }
}
