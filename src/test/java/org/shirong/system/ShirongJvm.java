package org.shirong.system;

import java.io.IOException;
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
import org.shirong.ShirongApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * Shirong as a separate JVM, started the way an operator starts it (its main class, the test
 * classpath, a working directory of its own, arguments and environment), so that a test can kill it
 * with SIGKILL ({@link Process#destroyForcibly()}) and start it again on the same database. Its
 * output goes to {@code <name>.log} in the working directory; a start that fails or times out throws
 * with the end of that log.
 */
public final class ShirongJvm implements AutoCloseable {

    /** Logged by StartupReport on ApplicationReadyEvent: deployment, seeding and the job executor are up. */
    private static final String READY = "Shirong 市容 已启动";

    private final String name;
    private final Path log;
    private final int port;
    private final Process process;

    private ShirongJvm(String name, Path log, int port, Process process) {
        this.name = name;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** Settings for a JVM working in {@code workDir} (its {@code ./data}, {@code ./config}), logging to {@code <name>.log}. */
    public static Builder in(Path workDir, String name) {
        return new Builder(workDir, name);
    }

    public static final class Builder {

        private final Path workDir;
        private final String name;
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private String maxHeap = "768m";

        private Builder(Path workDir, String name) {
            this.workDir = workDir;
            this.name = name;
        }

        /** A command-line argument, e.g. {@code --spring.profiles.active=postgres}. */
        public Builder arg(String arg) {
            args.add(arg);
            return this;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** The JVM's maximum heap ({@code -Xmx}), e.g. {@code 512m}; 768m unless set. */
        public Builder maxHeap(String size) {
            maxHeap = size;
            return this;
        }

        /** Starts the JVM on a free port; does not wait for it (see {@link #awaitReady}). */
        public ShirongJvm start() {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                    "-cp", System.getProperty("java.class.path"),
                    ShirongApplication.class.getName(),
                    "--server.port=" + port));
            command.addAll(args);
            Path logFile = workDir.resolve(name + ".log");
            try {
                Files.createDirectories(workDir);
                ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                builder.environment().putAll(env);
                return new ShirongJvm(name, logFile, port, builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException("无法启动 " + name, e);
            }
        }
    }

    /** Waits until Shirong reports itself started; throws with the log's end when it exits or the time runs out. */
    public ShirongJvm awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(READY)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + ":\n" + logTail());
    }

    /** SIGKILL on Linux, as {@code kill -9}: no shutdown hooks, no closing of the database. Waits for the exit. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still running 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    /** HTTP Basic as {@code user}; answers of every status come back as they are (no exception on 4xx/5xx). */
    public TestRestTemplate as(String user, String password) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(60)))
                .withBasicAuth(user, password);
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        String text = log();
        return text.length() > 6000 ? "…" + text.substring(text.length() - 6000) : text;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ", log " + log + ")";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
