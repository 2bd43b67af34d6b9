package dev.sagaflow.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Where the engine's per-attempt log goes (logger {@code dev.sagaflow.outcomes}: a WARN with the
 * stack trace for each failed attempt, an ERROR for each failed saga). A library user sees it in
 * their own log; the demo and the benchmark fail orders on purpose, by the hundred, so for them it
 * goes to a file, or nowhere, and the terminal keeps the progress and the report.
 */
final class OutcomeLog {
    static final String LOGGER = "dev.sagaflow.outcomes";

    private OutcomeLog() {
    }

    /** Sends the outcomes to {@code file} (created at the first line), not to the console. */
    static void toFile(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("outcomes");
        appender.setFile(file.toAbsolutePath().toString());
        appender.setEncoder(encoder);
        appender.start();
        Logger outcomes = context.getLogger(LOGGER);
        outcomes.setAdditive(false);
        outcomes.addAppender(appender);
    }

    /** Drops the outcomes: a benchmark measures the engine, not the console. */
    static void off() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(LOGGER).setLevel(Level.OFF);
    }
}
