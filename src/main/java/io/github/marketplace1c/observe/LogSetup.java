package io.github.marketplace1c.observe;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/**
 * The log's format and file from the application's settings (logback is set up before they are read, by
 * {@code logback.xml}, with plain lines on the console; the levels stay as that file sets them):
 * <ul>
 *   <li>{@code mp1c.log.format}: {@code plain} (the default) or {@code json}, one JSON object a line, the log
 *       context (account, marketplace, flow, run, record) under {@code mdc}</li>
 *   <li>{@code mp1c.log.file}: also write to this file, rotated daily and at {@code mp1c.log.maxFileSize} (50MB),
 *       {@code mp1c.log.maxHistory} days kept (30), at most {@code mp1c.log.totalSizeCap} (1GB); empty: console only</li>
 * </ul>
 * Applied again at each start, so a second application in one JVM (the tests) gets its own settings. Not applied
 * when the operator gives a logback file of their own ({@code -Dlogback.configurationFile}): it says everything.
 */
public final class LogSetup {

    /** Time, level, logger, the run's context in brackets when there is one ({@link LogContext#SUMMARY}), message. */
    public static final String PLAIN_PATTERN =
            "%d{yyyy-MM-dd HH:mm:ss} %-5level %logger{0}%replace( [%X{context}]){' \\[\\]', ''} - %msg%n";

    private LogSetup() {
    }

    /** @param settings the application's settings by name (environment first) */
    public static void apply(UnaryOperator<String> settings) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
                || System.getProperty("logback.configurationFile") != null) {
            return; // another SLF4J backend, or a logback file of the operator's own: it keeps its configuration
        }
        boolean json = "json".equalsIgnoreCase(value(settings, "mp1c.log.format", "plain"));
        String file = value(settings, "mp1c.log.file", "");
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        start(context, root, console, "console", encoder(context, json));
        if (!file.isBlank()) {
            RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
            rolling.setContext(context);
            rolling.setFile(file);
            SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
            policy.setContext(context);
            policy.setParent(rolling);
            policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
            policy.setMaxFileSize(FileSize.valueOf(value(settings, "mp1c.log.maxFileSize", "50MB")));
            policy.setMaxHistory(Integer.parseInt(value(settings, "mp1c.log.maxHistory", "30")));
            policy.setTotalSizeCap(FileSize.valueOf(value(settings, "mp1c.log.totalSizeCap", "1GB")));
            policy.start();
            rolling.setRollingPolicy(policy);
            start(context, root, rolling, "file", encoder(context, json));
        }
    }

    private static void start(LoggerContext context, Logger root, OutputStreamAppender<ILoggingEvent> appender,
                              String name, Encoder<ILoggingEvent> encoder) {
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        if (json) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            // what an operator searches by; the raw pattern and its arguments add nothing to the formatted message
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.setWithContext(false);
            encoder.setWithMessage(false);
            encoder.setWithArguments(false);
            encoder.setWithFormattedMessage(true);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PLAIN_PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static String value(UnaryOperator<String> settings, String key, String fallback) {
        String value = settings.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
