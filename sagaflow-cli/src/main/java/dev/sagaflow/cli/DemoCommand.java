package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.DemoOptions;
import dev.sagaflow.examples.orders.DemoReport;
import dev.sagaflow.examples.orders.OrderFulfilmentDemo;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.messaging.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, subcommands = {ApprovalDemoCommand.class, MonitorDemoCommand.class,
        HarnessDemoCommand.class},
        description = {"Runs the order-fulfilment saga (reserve inventory, charge payment, create shipment, "
                + "send confirmation) for orders order-1..order-N against four participant services, each "
                + "with its own SQLite ledger under DIR, then checks every order across the four ledgers.",
                "Run it again on the same DIR (after a crash, say) and it resumes: no order starts twice.",
                "With --participants remote the four services run as processes of their own, each with its own "
                        + "database, speaking only through --transport; --mode choreography runs the flow as a chain "
                        + "of events with compensation events, watched by the saga tracker.",
                "`demo approval --dir DIR` runs the purchase-request demo instead: sagas that wait for signals with "
                        + "timeouts and escalation (see `demo approval --help`).",
                "`demo harness --dir DIR` runs the unreliable-workers demo: a scored fan-out to three simulated "
                        + "workers, validators, attempt metadata, escalation to a fallback (see `demo harness --help`).",
                "Last line of output: {\"orders\":N,\"completed\":C,\"compensated\":F,\"pending\":P,\"inconsistent\":I}; "
                        + "exit status 0 only when P and I are both 0."})
final class DemoCommand implements Callable<Integer> {
    // Required, but checked in call(): picocli would ask for it before `demo approval` and `demo harness` too.
    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder for the saga store (sagas.db) and the participants' ledgers; created if missing; required.")
    Path dir;

    @Option(names = "--orders", defaultValue = "2000", paramLabel = "N", description = "Orders to run (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--failure-rate", defaultValue = "0.1", paramLabel = "P",
            description = "Share of orders that fail at a step and are compensated, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double failureRate;

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for every order to end: 90s, 5m, 1h or PT5M (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--step-delay-ms", defaultValue = "0", paramLabel = "MS",
            description = "Time each participant call takes, to watch progress or to crash mid-run (default: ${DEFAULT-VALUE}).")
    int stepDelayMs;

    @Option(names = "--store", paramLabel = "URL",
            description = "Saga store: jdbc:postgresql://HOST:PORT/DB?user=U, or a SQLite file (default: DIR/sagas.db). "
                    + "The participants' ledgers stay under DIR.")
    String store;

    @Option(names = "--stall-compensations", defaultValue = "0", paramLabel = "N",
            description = {"Stalled work for operators to practise on: the payment gateway refuses the refunds of the "
                    + "first N orders it must refund until the file DIR/refunds-fixed exists. Their sagas end up "
                    + "COMPENSATION_STALLED and flagged, retried only every 90 s, then hourly; the demo waits for them "
                    + "(until --timeout). Fix (touch DIR/refunds-fixed), then `sagaflow saga retry --store ... --flagged "
                    + "--yes`. Nodes of such a run take --operator-paced (default: ${DEFAULT-VALUE})."})
    int stallCompensations;

    @Option(names = "--parallel",
            description = {"Each order's lines (one to three, fixed per order) are reserved at once, a child saga per "
                    + "line, released all at once when the order fails; the payment runs as a sub-saga (authorize, "
                    + "then capture; voided and refunded when the order fails after it). Same report line."})
    boolean parallel;

    @Option(names = "--submit-only", description = "Start the orders and run none of them: `node` processes run them.")
    boolean submitOnly;

    @Option(names = "--verify", description = "Start and run nothing: wait until every order has ended (or --timeout "
            + "passes), then check them all and print the report.")
    boolean verify;

    enum Placement { local, remote }

    @Option(names = "--participants", defaultValue = "local", paramLabel = "WHERE",
            description = "local (the services run in this process, called directly) or remote (four processes, "
                    + "reached through --transport) (default: ${DEFAULT-VALUE}).")
    Placement participants;

    @Option(names = "--mode", defaultValue = "orchestration", paramLabel = "MODE",
            description = "orchestration (a saga sends commands) or choreography (services react to each other's "
                    + "events; implies --participants remote) (default: ${DEFAULT-VALUE}).")
    DemoMode mode;

    @Option(names = "--external-participants",
            description = "With --participants remote: the four `participant` processes are already running; do not start them.")
    boolean externalParticipants;

    @Option(names = "--presence-wait", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --external-participants: how long to wait for the four to answer before giving up "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration presenceWait;

    @Mixin
    TransportOptions transport = new TransportOptions();

    @Mixin
    MetricsOption metrics = new MetricsOption();

    private MetricsEndpoint served = MetricsEndpoint.NONE;

    @Override
    public Integer call() throws Exception {
        try (MetricsEndpoint endpoint = metrics.open(System.err)) {
            served = endpoint;
            return demo();
        }
    }

    private Integer demo() throws Exception {
        if (dir == null) {
            throw new IllegalArgumentException("Missing required option: '--dir=DIR'");
        }
        if (submitOnly && verify) {
            throw new IllegalArgumentException("--submit-only and --verify exclude each other: submit first, then verify");
        }
        if (parallel && (submitOnly || participants == Placement.remote || mode == DemoMode.choreography)) {
            throw new IllegalArgumentException("--parallel runs the orders in this process with local participants: "
                    + "it does not go with --submit-only, --participants remote or --mode choreography");
        }
        DemoOptions options = new DemoOptions(dir, orders, failureRate, timeout, stepDelayMs, store, verify,
                stallCompensations, parallel);
        // Before the demo makes DIR and the ledgers: a refused store must leave nothing behind.
        SagaStores.check(options.storeOrDefault());
        transport.check();
        if (participants == Placement.remote || mode == DemoMode.choreography) {
            if (stallCompensations > 0) {
                throw new IllegalArgumentException("--stall-compensations works with --participants local only");
            }
            if (submitOnly || verify) {
                throw new IllegalArgumentException("--submit-only and --verify work with --participants local only");
            }
            return runRemote(options);
        }
        if (externalParticipants) {
            throw new IllegalArgumentException("--external-participants needs --participants remote");
        }
        logOutcomesInDir();
        if (submitOnly) {
            long held = OrderFulfilmentDemo.submit(options, System.err, served);
            System.out.printf("{\"orders\":%d,\"submitted\":%d}%n", orders, held);
            return 0;
        }
        DemoReport report = OrderFulfilmentDemo.run(options, System.err, served);
        System.out.println(report.toJson());
        return report.exitCode();
    }

    /** Once every option is checked: the orders fail on purpose, so their log goes to DIR, not the terminal. */
    private void logOutcomesInDir() {
        if (!Files.isRegularFile(dir)) {
            OutcomeLog.toFile(dir.resolve("outcomes.log"));
        }
    }

    private int runRemote(DemoOptions options) throws Exception {
        try (Transport messages = transport.open(dir)) {
            System.err.printf("%s over %s; participants %s%n", mode, transport.kind,
                    externalParticipants ? "already running" : "starting as four processes (logs in " + dir + ")");
            if (externalParticipants) {
                ParticipantPresence.await(messages, mode, presenceWait, "start each with `sagaflow participant --service "
                        + "NAME --dir " + dir + " --mode " + mode + " " + String.join(" ", transport.asArguments())
                        + "`, or drop --external-participants and the demo starts them");
                return runRemote(options, messages);
            }
            try (ParticipantProcesses started = ParticipantProcesses.start(dir, mode, transport, stepDelayMs)) {
                return runRemote(options, messages);
            }
        }
    }

    private int runRemote(DemoOptions options, Transport messages) throws Exception {
        logOutcomesInDir();
        DemoReport report = OrderFulfilmentDemo.runRemote(options, mode.services(), messages, System.err, served);
        System.out.println(report.toJson());
        return report.exitCode();
    }
}
