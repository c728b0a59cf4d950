package shirongbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A JVM of the benchmark's classpath (Shirong or the bare-engine anchor) in its own working directory, logging to
 * {@code <name>.log}, with a fixed heap limit; started, timed until ready, measured (heap after a full GC) and stopped.
 * The log is emptied at each start: readiness is read from it, and a previous run's start-up line left in an old
 * {@code target/bench} made a second run think Shirong was up at once (start-up 0.4 s, then HTTP 401 and no cases).
 */
final class BenchJvm implements AutoCloseable {

    private final String name;
    private final Path log;
    private final int port;
    private final Process process;
    private final long startedNanos;
    private long readyMillis = -1;

    private BenchJvm(String name, Path log, int port, Process process, long startedNanos) {
        this.name = name;
        this.log = log;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static BenchJvm start(Path workDir, String name, String heap, String mainClass, List<String> args, Map<String, String> env) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dfile.encoding=UTF-8", "-XX:+ExitOnOutOfMemoryError"));
        if (Boolean.getBoolean("bench.shirong.jfr")) {
            // whole stacks in the flight recordings (default 64 frames: a Spring/Camunda call is deeper)
            command.add("-XX:FlightRecorderOptions:stackdepth=1024");
        }
        // diagnosis only: further JVM options for both applications, e.g. -Dbench.jvmArgs=-XX:TieredStopAtLevel=1
        for (String option : System.getProperty("bench.jvmArgs", "").split("\\s+")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, "--server.port=" + port));
        command.addAll(args);
        Path logFile = workDir.resolve(name + ".log");
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            builder.environment().putAll(new LinkedHashMap<>(env));
            return new BenchJvm(name, logFile, port, builder.start(), System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code ready} holds, and keeps the time from the JVM's start as its start-up time. */
    BenchJvm awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            boolean up;
            try {
                up = ready.getAsBoolean();
            } catch (RuntimeException notYet) {
                up = false;
            }
            if (up) {
                readyMillis = (System.nanoTime() - startedNanos) / 1_000_000;
                return this;
            }
            Bench.sleep(200);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + ":\n" + logTail());
    }

    long readyMillis() {
        return readyMillis;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Used heap in MB right after a full GC (jcmd GC.run, then jstat): the steady heap. */
    double heapAfterGcMb() {
        jdk("jcmd", String.valueOf(process.pid()), "GC.run");
        return heapUsedMb();
    }

    /** Used heap in MB now (young + old, jstat -gc). */
    double heapUsedMb() {
        String[] lines = jdk("jstat", "-gc", String.valueOf(process.pid())).strip().split("\n");
        return lines.length < 2 ? -1 : usedMb(lines[0], lines[lines.length - 1]);
    }

    /**
     * Watches the used heap every {@code interval} with one {@code jstat} for as long as it is open, instead of a
     * {@code jstat} launched for each reading: launching one costs some 0.2 s of CPU, which once a second took about a
     * twelfth of the two cores from the import being measured (W2).
     */
    HeapWatch watchHeap(Duration interval) {
        try {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
                    String.valueOf(process.pid()), interval.toMillis() + "ms").redirectErrorStream(true).start();
            return new HeapWatch(jstat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The highest used heap a running {@code jstat -gc … <interval>} has printed so far. */
    static final class HeapWatch implements AutoCloseable {

        private final Process jstat;
        private final Thread reader;
        private volatile double peakMb = -1;

        private HeapWatch(Process jstat) {
            this.jstat = jstat;
            this.reader = new Thread(this::read, "heap-watch");
            this.reader.setDaemon(true);
            this.reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                String head = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.trim().startsWith("S0C")) {
                        head = line;
                    } else if (head != null && !line.isBlank()) {
                        peakMb = Math.max(peakMb, usedMb(head, line));
                    }
                }
            } catch (IOException | NumberFormatException stopped) {
                // jstat ended or was stopped: the peak read so far stands
            }
        }

        double peakMb() {
            return peakMb;
        }

        @Override
        public void close() {
            jstat.destroy();
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Young and old used (S0U, S1U, EU, OU) of a {@code jstat -gc} line under its header, in MB. */
    private static double usedMb(String header, String line) {
        String[] head = header.trim().split("\\s+");
        String[] values = line.trim().split("\\s+");
        double kb = 0;
        for (int i = 0; i < head.length && i < values.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(head[i])) {
                kb += Double.parseDouble(values[i].replace(',', '.'));
            }
        }
        return kb / 1024;
    }

    /**
     * Starts a flight recording named {@code recording} in this JVM, with JFR's profile settings or (diagnosis) the .jfc
     * file {@code -Dbench.jfr.settings} names, e.g. one that records every socket read to see where a request waits.
     */
    void startRecording(String recording) {
        jdk("jcmd", String.valueOf(process.pid()), "JFR.start", "name=" + recording,
                "settings=" + System.getProperty("bench.jfr.settings", "profile"));
    }

    /** Stops the flight recording {@code recording} and writes it to {@code file}. */
    void stopRecording(String recording, Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdk("jcmd", String.valueOf(process.pid()), "JFR.stop", "name=" + recording, "filename=" + file.toAbsolutePath());
    }

    boolean ranOutOfMemory() {
        return log().contains("OutOfMemoryError");
    }

    /** SIGTERM (a graceful Spring shutdown), SIGKILL after 60 s. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        String text = log();
        return text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static String jdk(String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
