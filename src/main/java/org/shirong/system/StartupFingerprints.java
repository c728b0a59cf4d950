package org.shirong.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.shirong.ShirongApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Whether a start may skip checking the deployments and seeding the organisations (W6: some 4 s of every restart, and
 * most of its CPU): it may when nothing they depend on changed since the last complete synchronisation, that is the
 * same digest over the process and form files, the organisation files, the deployments in the database, the
 * application's code and the {@code shirong.*} settings, and no identity, authorization or filter changed through the
 * engine since (those forget the stored digest). {@code shirong.startup.full-sync} forces the complete synchronisation.
 */
@Component
public class StartupFingerprints {

    private static final Logger LOG = LoggerFactory.getLogger(StartupFingerprints.class);

    private final StartupFingerprintStore store;
    private final RepositoryService repositoryService;
    private final ProcessResourceCollector collector;
    private final List<StartupInput> inputs;
    private final ConfigurableEnvironment environment;
    private final boolean fullSyncForced;
    private String atStart;
    private Boolean unchanged;

    StartupFingerprints(StartupFingerprintStore store, RepositoryService repositoryService, ProcessResourceCollector collector,
            ObjectProvider<StartupInput> inputs, ConfigurableEnvironment environment,
            @Value("${shirong.startup.full-sync:false}") boolean fullSyncForced) {
        this.store = store;
        this.repositoryService = repositoryService;
        this.collector = collector;
        this.inputs = inputs.orderedStream().toList();
        this.environment = environment;
        this.fullSyncForced = fullSyncForced;
    }

    /** Decided once per start, before anything is deployed: nothing changed since the last complete synchronisation. */
    public synchronized boolean unchanged() {
        if (unchanged == null) {
            if (fullSyncForced) {
                LOG.info("shirong.startup.full-sync：本次启动完整检查部署并同步组织机构");
                unchanged = false;
            } else {
                atStart = current();
                unchanged = atStart.equals(store.stored());
            }
        }
        return unchanged;
    }

    /** Whether the digest this start found is still the stored one; read it under the seeding lock. */
    public synchronized boolean stillStored() {
        return atStart != null && atStart.equals(store.stored());
    }

    /** Records the complete synchronisation just made (deployments now in force); call in its transaction, at its end. */
    public void storeCurrent() {
        store.store(current());
    }

    /** Runs the start-up's synchronisation, whose own changes to identities and authorizations do not forget the digest. */
    public <T> T whileSyncing(Supplier<T> sync) {
        return store.whileSyncing(sync);
    }

    String current() {
        Digest digest = new Digest();
        digest.add("code", codeVersion());
        collector.collect().forEach(r -> digest.add(r.name(), r.content()));
        inputs.forEach(input -> input.files(digest::add));
        repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).list().stream()
                .map(Deployment::getId).sorted().forEach(id -> digest.add("deployment", id));
        settings().forEach(digest::add);
        return digest.hex();
    }

    /** The jar's size and time, or each class and resource file's when run from a classes folder (a build changes it). */
    private static String codeVersion() {
        File source = codeSource();
        if (source == null || !source.exists()) {
            return UUID.randomUUID().toString();
        }
        if (source.isFile()) {
            return source.getAbsolutePath() + " " + source.length() + " " + source.lastModified();
        }
        Path root = source.toPath();
        StringBuilder files = new StringBuilder();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.append(root.relativize(f)).append(' ').append(Files.size(f)).append(' ')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.toString();
    }

    /** The application's jar (also when run as {@code java -jar}, nested URL) or classes folder; null if unknown. */
    private static File codeSource() {
        try {
            URL location = ShirongApplication.class.getProtectionDomain().getCodeSource().getLocation();
            String url = location.toString();
            // Spring Boot's jar:nested:/app.jar/!BOOT-INF/classes/!/, or a plain jar:file:/app.jar!/
            if (url.startsWith("jar:nested:") && url.contains("/!")) {
                return new File(URLDecoder.decode(url.substring("jar:nested:".length(), url.indexOf("/!")), StandardCharsets.UTF_8));
            }
            if (url.startsWith("jar:file:") && url.contains("!/")) {
                return new File(URLDecoder.decode(url.substring("jar:file:".length(), url.indexOf("!/")), StandardCharsets.UTF_8));
            }
            return "file".equals(location.getProtocol()) ? new File(location.toURI()) : null;
        } catch (URISyntaxException | RuntimeException unknown) {
            return null;
        }
    }

    /** The {@code shirong.*} settings (and SHIRONG_* variables) as resolved, without passwords and these switches. */
    private Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                String lower = name.toLowerCase(Locale.ROOT).replace('_', '.');
                if (lower.startsWith("shirong.") && !lower.startsWith("shirong.startup.") && !lower.contains("password")) {
                    settings.computeIfAbsent(name, this::resolved);
                }
            }
        }
        return settings;
    }

    private String resolved(String name) {
        try {
            return String.valueOf(environment.getProperty(name));
        } catch (IllegalArgumentException unresolvable) {
            return "?";
        }
    }

    private static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(String name, String value) {
            add(name, value.getBytes(StandardCharsets.UTF_8));
        }

        void add(String name, byte[] content) {
            byte[] key = name.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(8).putInt(key.length).putInt(content.length).array());
            sha.update(key);
            sha.update(content);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
