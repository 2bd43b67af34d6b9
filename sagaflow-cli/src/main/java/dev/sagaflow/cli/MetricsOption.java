package dev.sagaflow.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;

/** {@code --metrics PORT}: the command's engine metrics in Prometheus text while it runs. */
final class MetricsOption {
    @Option(names = "--metrics", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while this runs (0: any free port, "
                    + "printed at the start).")
    Integer port;

    /** Before anything is made: a port out of range is a usage mistake. */
    void check() {
        if (port != null && (port < 0 || port > 65_535)) {
            throw new IllegalArgumentException("--metrics must be a port from 0 to 65535; was " + port);
        }
    }

    /** Starts serving (saying where on {@code progress}), or, without --metrics, an endpoint that does nothing. */
    MetricsEndpoint open(PrintStream progress) {
        check();
        if (port == null) {
            return MetricsEndpoint.NONE;
        }
        PrometheusEndpoint endpoint = PrometheusEndpoint.start(port);
        progress.println("metrics: " + endpoint.url());
        return endpoint;
    }
}
