package dev.sagaflow.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's logging configuration keeps the libraries' connection chatter (Flyway's migrations,
 * Kafka's and RabbitMQ's client settings, Hikari's pool) out of stderr, where the demo's progress
 * and errors go; their warnings still show.
 */
class LibraryLogLevelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"org.flywaydb.core.FlywayExecutor", "org.apache.kafka.clients.admin.AdminClientConfig",
            "org.apache.kafka.common.utils.AppInfoParser", "com.rabbitmq.client.impl.ForgivingExceptionHandler",
            "com.zaxxer.hikari.HikariDataSource"})
    void librariesLogAtWarnAndAbove(String logger) {
        assertThat(LoggerFactory.getLogger(logger).isInfoEnabled()).as(logger + " at INFO").isFalse();
        assertThat(LoggerFactory.getLogger(logger).isWarnEnabled()).as(logger + " at WARN").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.sagaflow.SagaEngine", "dev.sagaflow.jdbc.SqliteSagaStore"})
    void sagaflowsOwnLogsStayAtInfo(String logger) {
        assertThat(LoggerFactory.getLogger(logger).isInfoEnabled()).as(logger + " at INFO").isTrue();
    }
}
