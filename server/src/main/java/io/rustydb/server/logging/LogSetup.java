package io.rustydb.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link LoggingSettings} to Logback: the root and component levels, and three rolling
 * files next to the console appender of {@code logback.xml}:
 * <ul>
 *   <li>{@code rusty-db.log}, every event the levels let through;
 *   <li>{@code error.log}, the ERROR events only;
 *   <li>{@code slow-query.log}, the events of the logger {@value #SLOW_QUERY_LOGGER} (and only
 *       there: not in the main log nor on the console), each written as the guide's entry: a
 *       {@code yyyy-MM-dd HH:mm:ss.SSS [SLOW QUERY]} line, then the message.
 * </ul>
 * Each file is rotated when it grows past {@code max_file_size_mb} and at midnight into
 * {@code archive/<name>-yyyyMMdd.<n>.log[.gz]}.
 */
public final class LogSetup {
    /** The logger the slow-query log is fed from. */
    public static final String SLOW_QUERY_LOGGER = "rustydb.slow_query";
    static final String MAIN_FILE = "rusty-db";
    static final String ERROR_FILE = "error";
    static final String SLOW_QUERY_FILE = "slow-query";
    static final String ARCHIVE = "archive";
    private static final String LINE = "%d{yyyy-MM-dd HH:mm:ss.SSS} [%level] [%thread] %logger - %msg%n";
    private static final String SLOW_QUERY_ENTRY = "%d{yyyy-MM-dd HH:mm:ss.SSS} [SLOW QUERY]%n%msg%n";

    private LogSetup() {
    }

    /** Applies {@code settings} to the application's Logback context. */
    public static void apply(LoggingSettings settings) {
        apply((LoggerContext) LoggerFactory.getILoggerFactory(), settings);
    }

    /**
     * Applies {@code settings} to {@code context}, replacing the files of an earlier call.
     *
     * @throws IllegalArgumentException if the log directory or a file cannot be written
     */
    public static void apply(LoggerContext context, LoggingSettings settings) {
        Path dir = settings.directory();
        try {
            Files.createDirectories(dir.resolve(ARCHIVE));
        } catch (IOException e) {
            throw new IllegalArgumentException(LoggingSettings.SECTION + ".log_directory: cannot create " + dir + ": "
                    + e, e);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(settings.level());
        for (Map.Entry<String, Level> component : settings.components().entrySet()) {
            for (String name : LogComponents.loggers(component.getKey())) {
                context.getLogger(name).setLevel(component.getValue());
            }
        }

        RollingFileAppender<ILoggingEvent> main = rolling(context, settings, MAIN_FILE,
                encoder(context, settings, LINE));
        ThresholdFilter errorsOnly = new ThresholdFilter();
        errorsOnly.setLevel(Level.ERROR.toString());
        errorsOnly.setContext(context);
        errorsOnly.start();
        RollingFileAppender<ILoggingEvent> errors = rolling(context, settings, ERROR_FILE,
                encoder(context, settings, LINE));
        errors.addFilter(errorsOnly);
        RollingFileAppender<ILoggingEvent> slow = rolling(context, settings, SLOW_QUERY_FILE,
                encoder(context, settings, SLOW_QUERY_ENTRY));

        attach(root, main);
        attach(root, errors);
        Logger slowQueries = context.getLogger(SLOW_QUERY_LOGGER);
        slowQueries.setAdditive(false);
        if (slowQueries.getLevel() == null) {
            slowQueries.setLevel(Level.INFO); // its entries are INFO whatever the global level
        }
        attach(slowQueries, slow);
    }

    private static void attach(Logger logger, RollingFileAppender<ILoggingEvent> appender) {
        ch.qos.logback.core.Appender<ILoggingEvent> old = logger.getAppender(appender.getName());
        if (old != null) {
            logger.detachAppender(old);
            old.stop();
        }
        logger.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LoggingSettings settings, String pattern) {
        if (settings.format() == LogFormat.JSON) {
            JsonLineEncoder json = new JsonLineEncoder();
            json.setContext(context);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(pattern);
        text.start();
        return text;
    }

    private static RollingFileAppender<ILoggingEvent> rolling(LoggerContext context, LoggingSettings settings,
            String name, Encoder<ILoggingEvent> encoder) {
        Path dir = settings.directory();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("rustydb-" + name);
        appender.setFile(dir.resolve(name + ".log").toString());
        appender.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(dir.resolve(ARCHIVE).resolve(name + "-%d{yyyyMMdd}.%i.log"
                + (settings.compressRotated() ? ".gz" : "")).toString());
        policy.setMaxFileSize(new FileSize(settings.maxFileSizeBytes()));
        policy.setMaxHistory(settings.maxFiles());
        policy.setTotalSizeCap(new FileSize(settings.maxFileSizeBytes() * settings.maxFiles()));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        if (!policy.isStarted() || !appender.isStarted()) {
            throw new IllegalArgumentException(LoggingSettings.SECTION + ": cannot write " + appender.getFile() + ": "
                    + errors(context));
        }
        return appender;
    }

    private static String errors(LoggerContext context) {
        List<Status> all = context.getStatusManager().getCopyOfStatusList();
        StringBuilder text = new StringBuilder();
        for (Status s : all) {
            if (s.getLevel() == Status.ERROR) {
                text.append(text.length() == 0 ? "" : "; ").append(s.getMessage());
            }
        }
        return text.length() == 0 ? "see the Logback status" : text.toString();
    }
}
