package io.github.marketplace1c.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.marketplace1c.app.Application;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database with clustered schedules: every scheduled run of a flow happens on one of them,
 * not on both; when one stops, the other goes on alone.
 */
class ClusteredSchedulesTest {

    @TempDir
    Path temp;

    private static Map<String, String> node(String id) {
        Map<String, String> settings = new HashMap<>();
        settings.put("mp1c.schedule.enabled", "true");
        settings.put("mp1c.schedule.clustered", "true");
        settings.put("mp1c.schedule.instanceId", id);
        settings.put("mp1c.schedule.clusterCheckinSeconds", "1");
        // the Ozon stock export every 2 seconds; every other flow's schedule far away
        settings.put("mp1c.ozon.stocks.cron", "0/2 * * * * ?");
        for (String flow : new String[] {"ozon.orders", "wildberries.orders", "yandex-market.orders",
            "wildberries.stocks", "yandex-market.stocks", "ozon.prices", "wildberries.prices", "yandex-market.prices"}) {
            settings.put("mp1c." + flow + ".cron", "0 0 3 1 1 ? 2099");
        }
        return settings;
    }

    @Test
    void aScheduledRunHappensOnOneInstanceAndTheOtherTakesOverWhenOneStops() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, node("node-a"))) {
            world.start();
            try (Application nodeB = world.startAnother(node("node-b"))) {
                assertThat(rows("SELECT instance_name FROM qrtz_scheduler_state", world)).isEqualTo(2);
                long start = scheduledRuns(world);
                Thread.sleep(12_000); // six firings of the 2-second schedule
                long bothUp = scheduledRuns(world) - start;

                // one run per account and firing: 2 accounts × 6 firings (one more or less at the edges), not twice
                assertThat(bothUp).as("scheduled Ozon stock runs in 12 s with both instances up")
                        .isBetween(8L, 14L);
            }
            // node B is gone: node A alone keeps the schedule
            long afterStop = scheduledRuns(world);
            await().atMost(Duration.ofSeconds(20)).until(() -> scheduledRuns(world) >= afterStop + 4);
        }
    }

    /** Runs of the Ozon stock export started by a schedule, on any instance (the journal is shared). */
    private static long scheduledRuns(FlowWorld world) throws Exception {
        return rows("SELECT id FROM journal_run WHERE flow = 'stocks' AND marketplace = 'ozon' "
                + "AND trigger_kind = 'schedule'", world);
    }

    private static long rows(String sql, FlowWorld world) throws Exception {
        try (var dataSource = TestDatabase.open(world.jdbcUrl); Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            long count = 0;
            while (rs.next()) {
                count++;
            }
            return count;
        }
    }
}
