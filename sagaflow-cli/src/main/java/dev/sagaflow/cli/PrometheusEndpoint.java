package dev.sagaflow.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.micrometer.SagaflowMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Serves the Prometheus text of the engines it is hooked into at {@code http://127.0.0.1:PORT/metrics},
 * on the JDK's own HTTP server (loopback only: a demo's metrics are for the machine it runs on).
 */
final class PrometheusEndpoint implements MetricsEndpoint {
    /** A demo's counts move fast; a store read every few seconds costs it nothing. */
    static final Duration REFRESH = Duration.ofSeconds(2);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SagaflowMetrics metrics = SagaflowMetrics.builder().refreshEvery(REFRESH).build();
    private final HttpServer server;

    private PrometheusEndpoint(int port) throws IOException {
        metrics.bindTo(registry);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/metrics", this::scrape);
        // One virtual thread per scrape: a slow one never holds another up, and none outlives close().
        server.setExecutor(command -> Thread.ofVirtual().name("sagaflow-metrics-http").start(command));
        server.start();
    }

    /** Starts serving; port 0 takes any free one ({@link #port()} says which). */
    static PrometheusEndpoint start(int port) {
        try {
            return new PrometheusEndpoint(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/metrics";
    }

    @Override
    public void configure(SagaEngine.Builder builder) {
        builder.eventListener(metrics);
    }

    @Override
    public void started(SagaEngine engine) {
        metrics.watch(engine);
    }

    private void scrape(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
