package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.remote.OrderMessages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The four services started as JVMs of their own (this JVM's java and class path), each logging to
 * DIR/SERVICE.log. Each watches this process and stops when it ends, even by SIGKILL.
 */
final class ParticipantProcesses implements AutoCloseable {
    private static final long READY_TIMEOUT_SECONDS = 90;

    private final List<Process> processes = new ArrayList<>();

    static ParticipantProcesses start(Path dir, DemoMode mode, TransportOptions transport, int stepDelayMs)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ParticipantProcesses started = new ParticipantProcesses();
        try {
            List<Path> logs = new ArrayList<>();
            for (String service : OrderMessages.SERVICES) {
                List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                        SagaflowCli.class.getName(), "participant", "--service", service, "--dir", dir.toString(),
                        "--mode", mode.name(), "--step-delay-ms", Integer.toString(stepDelayMs),
                        "--parent-pid", Long.toString(ProcessHandle.current().pid())));
                command.addAll(transport.asArguments());
                Path log = dir.resolve(service + ".log");
                Files.deleteIfExists(log);
                started.processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
                logs.add(log);
            }
            for (int i = 0; i < logs.size(); i++) {
                awaitReady(OrderMessages.SERVICES[i], logs.get(i), started.processes.get(i));
            }
            return started;
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    private static void awaitReady(String service, Path log, Process process) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (true) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(" " + ParticipantCommand.READY)) {
                return;
            }
            if (!process.isAlive() || System.nanoTime() > until) {
                throw new IllegalStateException("participant " + service + " did not start"
                        + (process.isAlive() ? " within " + READY_TIMEOUT_SECONDS + " s" : " (exit " + process.exitValue() + ")")
                        + "; its log " + log + " ends:\n" + tail(text));
            }
            Thread.sleep(100);
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        List<String> causes = lines.stream().filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t...")).toList();
        return String.join("\n", causes.subList(Math.max(0, causes.size() - 15), causes.size()));
    }

    /** SIGTERM to each, then SIGKILL to any that has not stopped in 20 s. */
    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
