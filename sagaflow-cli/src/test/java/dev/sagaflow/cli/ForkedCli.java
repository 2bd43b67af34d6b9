package dev.sagaflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code bin/sagaflow} in a JVM of its own, with the test's class path, its output in a file. */
final class ForkedCli {
    private final Process process;
    private final Path log;

    private ForkedCli(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ForkedCli start(Path log, String... args) throws IOException {
        return startIn(null, log, args);
    }

    /** In {@code workingDirectory}, for relative paths; {@code null} for this process's. */
    static ForkedCli startIn(Path workingDirectory, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SagaflowCli.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDirectory == null ? null : workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ForkedCli(process, log);
    }

    Process process() {
        return process;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL: no shutdown hook, nothing handed back. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: a graceful stop. Returns the exit status, or -1 if it did not stop in time. */
    int stop(long seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    void pause() throws Exception {
        signal("-STOP");
    }

    void resume() throws Exception {
        signal("-CONT");
    }

    private void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }
}
