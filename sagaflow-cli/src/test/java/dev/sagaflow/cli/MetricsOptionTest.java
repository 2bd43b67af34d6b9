package dev.sagaflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code --metrics PORT}: Prometheus text of the run's engine on 127.0.0.1 while the command runs, and only then. */
class MetricsOptionTest {
    static final int ORDERS = 120;

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    HttpResponse<String> get(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemoServesItsMetricsWhileItRunsAndStopsWithIt() throws Exception {
        int port = freePort();
        // Each order takes at least 4 steps x 1 s: the demo runs for seconds after its last start.
        CompletableFuture<CliRun> demo = CompletableFuture.supplyAsync(() -> CliRun.of("demo", "--dir", dir.toString(),
                "--orders", String.valueOf(ORDERS), "--step-delay-ms", "1000", "--metrics", String.valueOf(port)));
        List<PrometheusText> scrapes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(demo).as("the demo ended before a scrape saw all its orders").isNotDone();
            HttpResponse<String> response;
            try {
                response = get(port);
            } catch (ConnectException notYet) {
                return false;
            }
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(PrometheusEndpoint.CONTENT_TYPE);
            PrometheusText scrape = PrometheusText.parse(response.body());
            scrapes.add(scrape);
            return scrape.sum("sagaflow_instances") == ORDERS
                    && scrape.value("sagaflow_sagas_started_total{saga=\"order-fulfilment\"}") == ORDERS;
        });
        PrometheusText running = scrapes.getLast();
        assertThat(running.samples()).containsKeys("sagaflow_instances{state=\"RUNNING\"}",
                "sagaflow_instances{state=\"COMPLETED\"}", "sagaflow_instances{state=\"COMPENSATION_STALLED\"}");
        assertThat(running.value("sagaflow_store_reachable")).isEqualTo(1);
        assertThat(running.value("sagaflow_leases_held")).isBetween(0.0, (double) ORDERS);
        assertThat(running.samples()).allSatisfy((sample, value) -> {
            if (sample.startsWith("sagaflow_instances")) {
                assertThat(value).as(sample).isBetween(0.0, (double) ORDERS);
            }
        });

        CliRun run = demo.get(3, TimeUnit.MINUTES);
        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.err()).as(run.all()).contains("metrics: http://127.0.0.1:" + port + "/metrics");
        assertThatThrownBy(() -> get(port)).as("the endpoint ends with the demo").isInstanceOf(ConnectException.class);
    }

    @Test
    void theBenchWithMetricsRecordsEverySagaOfItsRun() {
        CliRun run = CliRun.of("bench", "--store", "memory", "--sagas", "500", "--metrics");
        assertThat(run.status()).as(run.all()).isZero();
        // 100 warm-up sagas first (a fifth of the run, at least 100); each has 4 attempts, or 5 when it compensates.
        assertThat(run.err()).as(run.all()).containsPattern("metrics: 600 sagas ended and \\d+ attempts recorded");
    }

    @Test
    void aNodeServesTheMetricsOfTheSagasItRunsUntilItStops() throws Exception {
        CliRun submitted = CliRun.of("demo", "--dir", dir.toString(), "--orders", "20", "--submit-only");
        assertThat(submitted.status()).as(submitted.all()).isZero();
        ForkedCli node = ForkedCli.start(dir.resolve("node.log"), "node", "--store", dir.resolve("sagas.db").toString(),
                "--dir", dir.toString(), "--metrics", "0");
        try {
            Pattern served = Pattern.compile("metrics: http://127\\.0\\.0\\.1:(\\d+)/metrics");
            int port = await().atMost(Duration.ofSeconds(60)).until(() -> {
                Matcher m = served.matcher(node.log());
                return m.find() ? Integer.parseInt(m.group(1)) : null;
            }, java.util.Objects::nonNull);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                PrometheusText scrape = PrometheusText.parse(get(port).body());
                assertThat(scrape.sum("sagaflow_sagas_ended_seconds_count")).as(scrape.text()).isEqualTo(20);
                assertThat(scrape.value("sagaflow_instances{state=\"COMPLETED\"}")
                        + scrape.value("sagaflow_instances{state=\"FAILED\"}")).as(scrape.text()).isEqualTo(20);
                assertThat(scrape.value("sagaflow_store_reachable")).isEqualTo(1);
                assertThat(scrape.value("sagaflow_leases_held")).isZero();
                assertThat(scrape.value("sagaflow_due_waiting")).isZero();
                assertThat(scrape.sum("sagaflow_sagas_started_total")).as("the node started none: the demo did").isZero();
            });
            assertThat(node.stop(30)).as("stops on SIGTERM; %s", node.log()).isEqualTo(143);
            assertThatThrownBy(() -> get(port)).as("the endpoint ends with the node").isInstanceOf(ConnectException.class);
        } finally {
            node.kill();
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageMistake() {
        CliRun run = CliRun.of("demo", "--dir", dir.resolve("run").toString(), "--orders", "3", "--metrics", "70000");
        assertThat(run.status()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).as(run.all()).contains("--metrics must be a port from 0 to 65535; was 70000");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aPortInUseEndsTheRunInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("demo", "approval", "--dir", dir.resolve("run").toString(), "--requests", "3",
                    "--metrics", String.valueOf(taken.getLocalPort()));
            assertThat(run.status()).as(run.all()).isEqualTo(1);
            assertThat(run.err().strip()).as(run.all())
                    .startsWith("sagaflow demo approval: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("Exception").doesNotContain("\n");
        }
    }
}
