package io.github.marketplace1c.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.support.LifecycleStrategySupport;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.LoggerFactory;

/**
 * Several instances of the application on one database: the flows' schedules ({@code quartz:} routes) go to
 * Quartz's JDBC job store, clustered, so each scheduled run happens on one instance only; an instance that dies
 * has its runs taken over by the others after {@code clusterCheckinMillis}. The job store's tables are migration
 * V7 (Quartz's own DDL); its connections come from the application's pool.
 */
public final class ClusteredSchedules {

    /** The scheduler name every instance shares: the cluster is the instances with this name on one database. */
    public static final String SCHEDULER = "mp1c";

    private ClusteredSchedules() {
    }

    /**
     * @param instanceId this instance's name in the cluster (unique per instance; QRTZ_SCHEDULER_STATE shows it)
     */
    public static void install(CamelContext context, DataSource dataSource, String instanceId, int threads,
                               long clusterCheckinMillis) {
        String instance = instanceId == null || instanceId.isBlank() ? UUID.randomUUID().toString() : instanceId;
        // Quartz looks connection providers up by name, JVM-wide: a name of this instance's own
        String connections = "mp1c-" + instance;
        DBConnectionManager.getInstance().addConnectionProvider(connections, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the application closes its own pool
            }

            @Override
            public void initialize() {
            }
        });
        boolean postgres;
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database for the clustered schedules", e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("org.quartz.scheduler.instanceName", SCHEDULER);
        properties.put("org.quartz.scheduler.instanceId", instance);
        properties.put("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.put("org.quartz.threadPool.threadCount", String.valueOf(threads));
        properties.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.put("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        properties.put("org.quartz.jobStore.dataSource", connections);
        properties.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.put("org.quartz.jobStore.isClustered", "true");
        properties.put("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(clusterCheckinMillis));
        Properties quartzProperties = new Properties();
        quartzProperties.putAll(properties);
        Scheduler scheduler;
        try {
            scheduler = new StdSchedulerFactory(quartzProperties).getScheduler();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot set up the clustered schedules: " + e.getMessage(), e);
        }
        // Quartz keeps one scheduler per name in a JVM-wide repository; the cluster's instances share the name, so
        // this one is taken out of it (only this application uses it: tests run two instances in one JVM)
        SchedulerRepository.getInstance().remove(SCHEDULER);
        QuartzComponent quartz = context.getComponent("quartz", QuartzComponent.class);
        quartz.setScheduler(scheduler);
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
                try {
                    scheduler.shutdown(true); // lets a running flow finish; before the pool closes
                } catch (SchedulerException e) {
                    LoggerFactory.getLogger(ClusteredSchedules.class).warn("Stopping the schedules: {}", e.getMessage());
                }
            }
        });
    }
}
